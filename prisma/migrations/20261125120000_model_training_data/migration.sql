-- AlterTable
ALTER TABLE `ModelVersion` ADD COLUMN `weights` LONGBLOB NULL,
    ADD COLUMN `labelEventCutoff` INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN `dataCounts` JSON NULL;
