-- CreateTable
CREATE TABLE `Sample` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `source` ENUM('emnist', 'nist', 'generated', 'user') NOT NULL,
    `split` ENUM('train', 'test') NOT NULL DEFAULT 'train',
    `classSet` VARCHAR(32) NOT NULL,
    `label` VARCHAR(8) COLLATE utf8mb4_bin NULL,
    `status` ENUM('pending', 'approved', 'rejected') NOT NULL DEFAULT 'pending',
    `image` BLOB NOT NULL,
    `original` MEDIUMBLOB NULL,
    `contentType` VARCHAR(100) NULL,
    `sha256` CHAR(64) NOT NULL,
    `predictedLabel` VARCHAR(8) COLLATE utf8mb4_bin NULL,
    `confidence` DOUBLE NULL,
    `topK` JSON NULL,
    `modelVersionId` INTEGER NULL,
    `suggestedLabel` VARCHAR(8) COLLATE utf8mb4_bin NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    `version` INTEGER NOT NULL DEFAULT 0,

    INDEX `Sample_status_source_confidence_idx`(`status`, `source`, `confidence`),
    INDEX `Sample_status_createdAt_idx`(`status`, `createdAt`),
    INDEX `Sample_source_split_status_label_idx`(`source`, `split`, `status`, `label`),
    INDEX `Sample_predictedLabel_idx`(`predictedLabel`),
    UNIQUE INDEX `Sample_source_sha256_key`(`source`, `sha256`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LabelEvent` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `sampleId` INTEGER NOT NULL,
    `userId` INTEGER NOT NULL,
    `action` ENUM('approve', 'relabel', 'reject', 'undo') NOT NULL,
    `fromStatus` ENUM('pending', 'approved', 'rejected') NOT NULL,
    `toStatus` ENUM('pending', 'approved', 'rejected') NOT NULL,
    `fromLabel` VARCHAR(8) COLLATE utf8mb4_bin NULL,
    `toLabel` VARCHAR(8) COLLATE utf8mb4_bin NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `LabelEvent_sampleId_createdAt_idx`(`sampleId`, `createdAt`),
    INDEX `LabelEvent_userId_createdAt_idx`(`userId`, `createdAt`),
    INDEX `LabelEvent_createdAt_idx`(`createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ModelVersion` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `number` INTEGER NOT NULL,
    `classSet` VARCHAR(32) NOT NULL,
    `onnx` LONGBLOB NOT NULL,
    `sha256` CHAR(64) NOT NULL,
    `card` JSON NOT NULL,
    `metrics` JSON NULL,
    `status` ENUM('candidate', 'active', 'retired', 'rejected') NOT NULL DEFAULT 'candidate',
    `parentId` INTEGER NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `activatedAt` DATETIME(3) NULL,

    UNIQUE INDEX `ModelVersion_number_key`(`number`),
    INDEX `ModelVersion_status_activatedAt_idx`(`status`, `activatedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `TrainingRun` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `status` ENUM('queued', 'running', 'succeeded', 'failed', 'cancelled') NOT NULL DEFAULT 'queued',
    `trigger` ENUM('auto', 'manual') NOT NULL,
    `mode` ENUM('fine_tune', 'full') NOT NULL,
    `progress` DOUBLE NOT NULL DEFAULT 0,
    `metrics` JSON NULL,
    `logTail` TEXT NULL,
    `error` TEXT NULL,
    `workerId` VARCHAR(100) NULL,
    `heartbeatAt` DATETIME(3) NULL,
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `baseModelId` INTEGER NULL,
    `modelVersionId` INTEGER NULL,
    `requestedById` INTEGER NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `startedAt` DATETIME(3) NULL,
    `finishedAt` DATETIME(3) NULL,

    INDEX `TrainingRun_status_createdAt_idx`(`status`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `User` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `username` VARCHAR(100) NOT NULL,
    `passwordHash` VARCHAR(255) NOT NULL,
    `role` ENUM('admin', 'viewer') NOT NULL DEFAULT 'admin',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `User_username_key`(`username`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Session` (
    `id` CHAR(64) NOT NULL,
    `userId` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `expiresAt` DATETIME(3) NOT NULL,

    INDEX `Session_userId_idx`(`userId`),
    INDEX `Session_expiresAt_idx`(`expiresAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Sample` ADD CONSTRAINT `Sample_modelVersionId_fkey` FOREIGN KEY (`modelVersionId`) REFERENCES `ModelVersion`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LabelEvent` ADD CONSTRAINT `LabelEvent_sampleId_fkey` FOREIGN KEY (`sampleId`) REFERENCES `Sample`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LabelEvent` ADD CONSTRAINT `LabelEvent_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ModelVersion` ADD CONSTRAINT `ModelVersion_parentId_fkey` FOREIGN KEY (`parentId`) REFERENCES `ModelVersion`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TrainingRun` ADD CONSTRAINT `TrainingRun_baseModelId_fkey` FOREIGN KEY (`baseModelId`) REFERENCES `ModelVersion`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TrainingRun` ADD CONSTRAINT `TrainingRun_modelVersionId_fkey` FOREIGN KEY (`modelVersionId`) REFERENCES `ModelVersion`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TrainingRun` ADD CONSTRAINT `TrainingRun_requestedById_fkey` FOREIGN KEY (`requestedById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Session` ADD CONSTRAINT `Session_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
