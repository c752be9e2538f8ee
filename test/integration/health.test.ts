import { createDb } from "../../lib/db/client";
import { registerBundledModel } from "../../lib/db/seed";
import { withDatabase } from "../../lib/db/url";
import { checkHealth } from "../../lib/health";
import { ActiveModel } from "../../lib/inference/active-model";
import { BUNDLED_MODEL } from "../helpers/app";
import { freshDatabase, serverUrl, type TestDatabase } from "../helpers/db";

describe("health", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase();
  });
  afterEach(() => t.drop());

  it("is ok with a database and an active model", async () => {
    await registerBundledModel(t.db, BUNDLED_MODEL);
    const model = new ActiveModel(t.db, { pollMs: 60_000, threads: 1 });
    const health = await checkHealth(t.db, model);
    await model.stop();
    expect(health.ok).toBe(true);
    expect(health.database.ok).toBe(true);
    expect(health.model).toMatchObject({ ok: true, version: 1, classSet: "balanced47", classes: 47 });
  });

  it("is not ok when no model version is active", async () => {
    const model = new ActiveModel(t.db, { pollMs: 60_000, threads: 1 });
    const health = await checkHealth(t.db, model);
    await model.stop();
    expect(health.ok).toBe(false);
    expect(health.database.ok).toBe(true);
    expect(health.model).toEqual({ ok: false, error: "no model version is active" });
  });

  it("is not ok when the database does not answer", async () => {
    const broken = createDb(withDatabase(serverUrl().replace(/:\d+\//, ":1/").replace(/\?.*$/, ""), "nowhere"));
    const model = new ActiveModel(broken, { pollMs: 60_000, threads: 1 });
    const health = await checkHealth(broken, model);
    // the model load behind the health check gives up on the database in its own time
    await model.stop();
    expect(health.ok).toBe(false);
    expect(health.database.ok).toBe(false);
    expect(health.database.error).toBeTruthy();
    await broken.$disconnect();
  });
});
