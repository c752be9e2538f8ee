-- AlterTable
ALTER TABLE `LabelEvent` ADD COLUMN `groupId` VARCHAR(36) NULL;
