-- CreateTable
CREATE TABLE `Field` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `original` MEDIUMBLOB NOT NULL,
    `contentType` VARCHAR(100) NULL,
    `sha256` CHAR(64) NOT NULL,
    `width` INTEGER NOT NULL,
    `height` INTEGER NOT NULL,
    `text` VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    `confidence` DOUBLE NOT NULL,
    `expected` VARCHAR(255) COLLATE utf8mb4_bin NULL,
    `alternatives` JSON NULL,
    `comb` BOOLEAN NOT NULL DEFAULT false,
    `modelVersionId` INTEGER NULL,
    `suggestedText` VARCHAR(255) COLLATE utf8mb4_bin NULL,
    `reviewText` VARCHAR(255) COLLATE utf8mb4_bin NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Field_sha256_key`(`sha256`),
    INDEX `Field_createdAt_idx`(`createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `Sample` ADD COLUMN `fieldId` INTEGER NULL,
    ADD COLUMN `fieldPosition` INTEGER NULL,
    ADD COLUMN `box` JSON NULL;

-- CreateIndex
CREATE INDEX `Sample_fieldId_fieldPosition_idx` ON `Sample`(`fieldId`, `fieldPosition`);

-- AddForeignKey
ALTER TABLE `Sample` ADD CONSTRAINT `Sample_fieldId_fkey` FOREIGN KEY (`fieldId`) REFERENCES `Field`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Field` ADD CONSTRAINT `Field_modelVersionId_fkey` FOREIGN KEY (`modelVersionId`) REFERENCES `ModelVersion`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
