-- AlterTable
ALTER TABLE `Sample` ADD COLUMN `unrestrictedTopK` JSON NULL;
