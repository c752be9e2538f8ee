import { verifyPassword } from "../../lib/auth/password";
import { ensureAdmin, registerBundledModel } from "../../lib/db/seed";
import { BUNDLED_MODEL } from "../helpers/app";
import { freshDatabase, type TestDatabase } from "../helpers/db";

describe("seed", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase();
  });
  afterEach(() => t.drop());

  it("creates one admin with a generated password, printed once", async () => {
    const first = await ensureAdmin(t.db, "admin");
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toBeDefined();
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(user.role).toBe("admin");
    expect(user.passwordHash).not.toContain(first.generatedPassword!);
    await expect(verifyPassword(first.generatedPassword!, user.passwordHash)).resolves.toBe(true);
    expect(await ensureAdmin(t.db, "admin")).toEqual({ created: false });
    expect(await t.db.user.count()).toBe(1);
  });

  it("uses ADMIN_PASSWORD when given and does not echo it", async () => {
    const res = await ensureAdmin(t.db, "root-admin", "a chosen password");
    expect(res).toEqual({ created: true, generatedPassword: undefined });
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "root-admin" } });
    await expect(verifyPassword("a chosen password", user.passwordHash)).resolves.toBe(true);
  });

  it("registers the bundled model as the active version once", async () => {
    expect(await registerBundledModel(t.db, BUNDLED_MODEL)).toEqual({ number: 1, registered: true });
    expect(await registerBundledModel(t.db, BUNDLED_MODEL)).toEqual({ number: 1, registered: false });
    const versions = await t.db.modelVersion.findMany();
    expect(versions).toHaveLength(1);
    expect(versions[0].status).toBe("active");
    expect(versions[0].classSet).toBe("balanced47");
    expect((versions[0].card as { classes: string[] }).classes).toHaveLength(47);
    expect(versions[0].onnx.length).toBeGreaterThan(1000);
  });

  it("says clearly when the bundled model file is missing", async () => {
    await expect(registerBundledModel(t.db, "models/nope.onnx")).rejects.toThrow(/bundled model models\/nope.onnx is missing/);
  });
});
