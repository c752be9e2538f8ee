import { registerBundledModel } from "../../lib/db/seed";
import { BUNDLED_MODEL, useApp } from "../helpers/app";

describe("the web server (next start)", () => {
  const app = useApp({ model: false });

  it("answers 503 from /api/health while no model is active, then 200 once one is", async () => {
    const before = await fetch(`${app.server.url}/api/health`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ ok: false, database: { ok: true }, model: { ok: false } });

    await registerBundledModel(app.t.db, BUNDLED_MODEL);
    const after = await fetch(`${app.server.url}/api/health`);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ ok: true, database: { ok: true }, model: { ok: true, version: 1, classSet: "balanced47" } });
  });

  it("serves the home page", async () => {
    const res = await fetch(app.server.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("handprint");
  });

  it("answers GraphQL queries at /api/graphql", async () => {
    const res = await fetch(`${app.server.url}/api/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health { ok database { ok } } activeModel { number classSet classes status } classSets { name labels } }" }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Record<string, any> };
    expect(body.data.health).toEqual({ ok: true, database: { ok: true } });
    expect(body.data.activeModel).toMatchObject({ number: 1, classSet: "balanced47", status: "ACTIVE" });
    expect(body.data.activeModel.classes).toHaveLength(47);
    expect(body.data.classSets.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(["balanced47", "byclass62", "digits10", "seed15"]),
    );
  });

  it("keeps Apollo's CSRF prevention on", async () => {
    const res = await fetch(`${app.server.url}/api/graphql?query=${encodeURIComponent("{ health { ok } }")}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });
});
