-- AlterTable
ALTER TABLE `Sample` ADD COLUMN `restriction` VARCHAR(80) NULL;

-- CreateTable
CREATE TABLE `TrainingWorker` (
    `id` VARCHAR(100) NOT NULL,
    `host` VARCHAR(255) NOT NULL,
    `state` ENUM('checking', 'installing', 'ready', 'unavailable') NOT NULL,
    `detail` TEXT NULL,
    `startedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `seenAt` DATETIME(3) NOT NULL,

    INDEX `TrainingWorker_seenAt_idx`(`seenAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
