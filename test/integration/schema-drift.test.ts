import { checkDrift } from "../../lib/db/drift";
import { freshDatabase, sql, type TestDatabase } from "../helpers/db";

describe("schema.prisma and the migrated database", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase();
  });
  afterEach(() => t.drop());

  it("agree: every model, field, index, unique and foreign key is in the migrations", async () => {
    expect(await checkDrift(t.url)).toEqual([]);
  });

  it("the check finds each kind of drift", async () => {
    await sql(t.url, "ALTER TABLE `Sample` DROP INDEX `Sample_predictedLabel_idx`");
    await sql(t.url, "ALTER TABLE `Sample` MODIFY `suggestedLabel` VARCHAR(8) NOT NULL DEFAULT ''");
    await sql(t.url, "ALTER TABLE `Sample` MODIFY `confidence` FLOAT NULL");
    await sql(t.url, "ALTER TABLE `Session` DROP FOREIGN KEY `Session_userId_fkey`");
    await sql(t.url, "ALTER TABLE `ModelVersion` DROP INDEX `ModelVersion_number_key`");
    await sql(t.url, "ALTER TABLE `TrainingRun` MODIFY `mode` ENUM('fine_tune') NOT NULL");
    await sql(t.url, "ALTER TABLE `User` DROP COLUMN `role`");
    await sql(t.url, "DROP TABLE `LabelEvent`");
    const drift = await checkDrift(t.url);
    expect(drift).toEqual(
      expect.arrayContaining([
        "index on Sample(predictedLabel) is missing",
        "column Sample.suggestedLabel is NOT NULL but the field is optional",
        "column Sample.confidence is float, expected double",
        "foreign key Session.userId -> User.id (relation Session.user) is missing",
        "unique index on ModelVersion(number) is missing",
        "column TrainingRun.mode is enum('fine_tune'), expected enum(fine_tune, full)",
        "column User.role is missing",
        "table LabelEvent (model LabelEvent) is missing",
      ]),
    );
  });
});
