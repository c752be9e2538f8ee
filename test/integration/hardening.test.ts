import { readFileSync } from "node:fs";
import path from "node:path";
import { undeclaredRootFields, declaredAccess } from "../../graphql/access";
import { hashPassword } from "../../lib/auth/password";
import { sharedDatasetStats } from "../../lib/stats";
import { glyphPng } from "../fixtures/glyphs";
import { useApp } from "../helpers/app";
import { seedUploads } from "../helpers/samples";

type Gql = { data?: Record<string, any>; errors?: { message: string; extensions: Record<string, any> }[] };

const schemaText = readFileSync(path.join(process.cwd(), "graphql", "schema.graphql"), "utf8");

describe("abuse, bad input and races lose nothing", () => {
  const app = useApp({
    env: { LOGIN_ATTEMPTS_PER_15_MIN: "5", LOGIN_ATTEMPTS_PER_CLIENT_15_MIN: "12" },
    seed: async (t) => t.db.user.create({ data: { username: "admin", role: "admin", passwordHash: await hashPassword("admin password") } }),
  });
  const login = (username: string, password: string, ip: string) =>
    fetch(`${app.server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body: JSON.stringify({ username, password }) });
  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Gql & { status: number }> => {
    const res = await fetch(`${app.server.url}/api/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, ...((await res.json()) as Gql) };
  };
  let adminCookie = "";
  beforeAll(async () => {
    adminCookie = (await login("admin", "admin password", "10.9.9.9")).headers.get("set-cookie")!.split(";")[0];
  });

  it("refuses a query of 1,000 aliases of datasetStats before it runs, and health stays quick", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: datasetStats { byStatus { key count } }`).join(" ")} }`;
    const long = await gql(aliases(1000));
    expect(long.status).toBe(400);
    expect(long.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(long.errors![0].message).toBe("the query is too long (more than 5000 tokens): ask for fewer fields or aliases");
    const costly = await gql(aliases(100));
    expect(costly.status).toBe(400);
    expect(costly.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(costly.errors![0].message).toMatch(/this query costs \d+, more than the limit of 5000 \(GRAPHQL_MAX_COST\)/);
    expect(costly.data).toBeUndefined();
    const health = await fetch(`${app.server.url}/api/health`);
    expect(health.status).toBe(200);
    // a few aliases are fine
    const some = await gql("{ a: datasetStats { byStatus { key count } } b: datasetStats { byStatus { key count } } }");
    expect(some.errors).toBeUndefined();
    expect(some.data!.a).toEqual(some.data!.b);
  });

  it("computes datasetStats once for callers that ask while it is under way", async () => {
    const [a, b] = [sharedDatasetStats(app.t.db), sharedDatasetStats(app.t.db)];
    expect(a).toBe(b);
    await a;
    expect(sharedDatasetStats(app.t.db)).not.toBe(a); // nothing kept once it is done
  });

  it("counts sign-in attempts per normalised username and per client, before hashing", async () => {
    const statuses = [];
    for (const name of ["admin", "Admin", "aDmin", "admin ", "ADMIN  ", "ADMIN"]) statuses.push((await login(name, "guess", "10.4.0.1")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await login("ADMIN ", "admin password", "10.4.0.2")).status).toBe(200); // the same account, any case
    const perClient = [];
    for (let i = 0; i < 13; i++) perClient.push((await login(`nobody${i}`, "guess", "10.4.0.3")).status);
    expect(perClient.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(perClient[12]).toBe(429);
  });

  it("successful sign-ins do not count towards the limit", async () => {
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await login("admin", "admin password", "10.4.1.1")).status); // the limit is 5
    expect(statuses).toEqual(Array(8).fill(200));
    for (let i = 0; i < 4; i++) await login("admin", "guess", "10.4.1.1");
    expect((await login("admin", "admin password", "10.4.1.1")).status).toBe(200); // 4 failures, then the right password
  });

  it("a flood of sign-ins from many addresses never locks the admin out, and each client has one password check at a time", async () => {
    const flood = Array.from({ length: 40 }, (_, i) => login(`stranger${i}`, "guess", `10.4.2.${i}`));
    const admin = login("admin", "admin password", "10.4.3.1");
    const twice = [login("nobody", "guess", "10.4.4.1"), login("nobody", "guess", "10.4.4.1")];
    expect((await admin).status).toBe(200);
    expect((await Promise.all(flood)).map((r) => r.status)).toEqual(Array(40).fill(401));
    const [first, second] = await Promise.all(twice);
    expect([first.status, second.status]).toEqual([401, 429]);
    expect((await second.json()).error.message).toMatch(/your previous sign-in is still being checked/);
  });

  it("a suggestion changed after the admin saw it makes the approval a conflict, and a decided sample takes no feedback", async () => {
    const [id] = await seedUploads(app.t.db, [{ predicted: "3", confidence: 0.4, suggested: "3" }]);
    const feedback = (label: string) => gql("mutation($id: ID!, $l: String) { feedback(id: $id, label: $l) { id suggestedLabel } }", { id: String(id), l: label });
    expect((await feedback("8")).data!.feedback.suggestedLabel).toBe("8");
    const stale = await gql("mutation($id: ID!) { approveSample(id: $id, version: 0, as: SUGGESTED) { label } }", { id: String(id) }, { cookie: adminCookie });
    expect(stale.errors![0].extensions.code).toBe("CONFLICT");
    const fresh = await gql("mutation($id: ID!) { approveSample(id: $id, version: 1, as: SUGGESTED) { label version } }", { id: String(id) }, { cookie: adminCookie });
    expect(fresh.data!.approveSample).toEqual({ label: "8", version: 2 });
    const late = await feedback("5");
    expect(late.errors![0].extensions.code).toBe("CONFLICT");
    expect(late.errors![0].message).toMatch(/already reviewed/);
    expect(await app.t.db.sample.findUniqueOrThrow({ where: { id } })).toMatchObject({ label: "8", suggestedLabel: "8", status: "approved" });
  });

  it("feedback is limited per client and per prediction, and each alias counts", async () => {
    const ids = await seedUploads(app.t.db, Array.from({ length: 40 }, () => ({ predicted: "3", confidence: 0.4 })));
    const one = (id: number, ip: string) => gql("mutation($id: ID!) { feedback(id: $id, label: \"8\") { id } }", { id: String(id) }, { "x-forwarded-for": ip });
    const perSample = [];
    for (let i = 0; i < 4; i++) perSample.push((await one(ids[0], `10.5.1.${i}`)).errors?.[0]?.extensions.code ?? "ok");
    expect(perSample).toEqual(["ok", "ok", "ok", "RATE_LIMITED"]); // three per prediction an hour, whoever sends them
    const aliases = (list: number[]) => `mutation { ${list.map((id, i) => `a${i}: feedback(id: "${id}", label: "8") { id }`).join(" ")} }`;
    const many = await gql(aliases(ids.slice(1, 36)), {}, { "x-forwarded-for": "10.5.2.1" });
    // 30 a minute per client: the 31st alias is refused, and a mutation stops at its first error
    expect(many.errors!.map((e) => e.extensions.code)).toEqual(["RATE_LIMITED"]);
    expect(await app.t.db.sample.count({ where: { id: { in: ids }, version: { gt: 0 } } })).toBe(31);
    const costly = await gql(aliases(Array(200).fill(ids[39])), {}, { "x-forwarded-for": "10.5.2.2" });
    expect(costly.errors![0].message).toMatch(/this query costs \d+, more than the limit/);
  });

  it("a malformed session cookie is no session: predict, queries and sign-out work", async () => {
    const png = await glyphPng("7");
    const predicted = await gql("mutation($i: String!) { predict(image: $i) { label } }", { i: png.toString("base64") }, { cookie: "hp_session=%" });
    expect(predicted.status).toBe(200);
    expect(predicted.data!.predict.label).toBe("7");
    expect((await gql("{ me { username } }", {}, { cookie: "hp_session=%E0%A4%A" })).data!.me).toBeNull();
    const logout = await fetch(`${app.server.url}/api/auth/logout`, { method: "POST", headers: { cookie: "hp_session=%" } });
    expect(logout.status).toBe(200);
  });

  it("out-of-range and garbage cursors and ids are bad input, not internal errors", async () => {
    const b64 = (s: string) => Buffer.from(s).toString("base64url");
    const cases: [string, Record<string, unknown>, Record<string, string>][] = [
      ["query($a: String) { predictions(after: $a) { totalCount } }", { a: b64("s:99999999999999999999") }, {}],
      ["query($a: String) { predictions(after: $a) { totalCount } }", { a: b64("c:99999999999999999999") }, {}],
      ["query($a: String) { samples(after: $a) { totalCount } }", { a: b64("o:9007199254740993") }, { cookie: adminCookie }],
      ["query($a: String) { labelEvents(after: $a) { totalCount } }", { a: "garbage!" }, { cookie: adminCookie }],
      ['{ labelEvents(sampleId: "abc") { totalCount } }', {}, { cookie: adminCookie }],
      ["{ predictions(first: 100000) { totalCount } }", {}, {}],
    ];
    for (const [query, variables, headers] of cases) {
      const res = await gql(query, variables, headers);
      expect([query, res.errors?.[0]?.extensions.code]).toEqual([query, "BAD_USER_INPUT"]);
    }
    // the cursor a page gives takes you to the next one, without repeats
    await seedUploads(app.t.db, Array.from({ length: 5 }, (_, i) => ({ predicted: "1", confidence: 0.1 * i })));
    const first = await gql("{ samples(first: 3) { edges { node { id } } pageInfo { endCursor } } }", {}, { cookie: adminCookie });
    const next = await gql("query($a: String) { samples(first: 3, after: $a) { edges { node { id } } } }", { a: first.data!.samples.pageInfo.endCursor }, { cookie: adminCookie });
    const ids = [...first.data!.samples.edges, ...next.data!.samples.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("bad GraphQL input gets a 4xx with a short message, never a 500, and long values are not echoed back", async () => {
    const raw = (body: string) => fetch(`${app.server.url}/api/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const huge = "9".repeat(1_000_000);
    const cases: [string, Promise<Response>][] = [
      ["wrong-typed variable", raw(JSON.stringify({ query: "query($id: ID!) { field(id: $id) { id } }", variables: { id: { a: 1 } } }))],
      ["missing variable", raw(JSON.stringify({ query: "query($id: ID!) { field(id: $id) { id } }", variables: {} }))],
      ["empty body", raw("")],
      ["invalid JSON", raw("{ not json")],
      ["fragment cycle", raw(JSON.stringify({ query: "fragment A on Query { ...B } fragment B on Query { ...A } { ...A }" }))],
      ["1 MB id", raw(JSON.stringify({ query: `{ field(id: "${huge}") { id } }` }))],
      ["1 MB enum value", raw(JSON.stringify({ query: `mutation { predict(image: "x", restrict: ${"X".repeat(1_000_000)}) { id } }` }))],
    ];
    const answers = [];
    for (const [what, request] of cases) {
      const res = await request;
      const text = await res.text();
      answers.push({ what, status: res.status, text: text.slice(0, 300), length: text.length });
    }
    expect(answers.filter((a) => a.status < 400 || a.status >= 500 || a.length > 1_000)).toEqual([]);
  });

  it("every Query and Mutation field declares who may use it, and admin fields refuse anonymous callers", async () => {
    expect(undeclaredRootFields(schemaText)).toEqual([]);
    const admin = [...declaredAccess(schemaText)].filter(([name, role]) => role === "ADMIN" && name.startsWith("Query.")).map(([name]) => name.slice(6));
    expect(admin).toEqual(expect.arrayContaining(["trainingRuns", "trainingRun", "retrainTrigger", "samples", "labelEvents"]));
    for (const query of ["{ trainingRuns { id logTail } }", '{ trainingRun(id: "1") { id error } }', "{ retrainTrigger { threshold } }"]) {
      const res = await gql(query);
      expect([query, res.errors?.[0]?.extensions.code, res.data?.[Object.keys(res.data ?? {})[0]] ?? null]).toEqual([query, "UNAUTHENTICATED", null]);
    }
    // an undeclared root field stops the server at start-up
    const { withAccessChecks } = await import("../../graphql/access");
    expect(() => withAccessChecks("type Query { secret: String }", { Query: { secret: () => "x" } })).toThrow(/declare @access\(role: PUBLIC \| ADMIN\) on Query\.secret/);
  });

  it("stores the type the decoder found, agrees with a re-upload read under another restriction, and keeps errors short and plain", async () => {
    const png = new Uint8Array(await glyphPng("7"));
    const form = new FormData();
    form.append("image", new Blob([png], { type: "text/html" }), "seven.html");
    const first = await (await fetch(`${app.server.url}/api/predict`, { method: "POST", body: form })).json();
    expect((await app.t.db.sample.findUniqueOrThrow({ where: { id: first.id } })).contentType).toBe("image/png");
    const again = await (await fetch(`${app.server.url}/api/predict?restrict=letters`, { method: "POST", headers: { "content-type": "image/png" }, body: png })).json();
    expect(again.id).toBe(first.id);
    const stored = await gql("query($id: ID!) { prediction(id: $id) { label } }", { id: String(first.id) });
    expect(stored.data!.prediction.label).toBe(again.label);
    expect((await app.t.db.sample.findUniqueOrThrow({ where: { id: first.id } })).restriction).toBe("letters");

    const huge = await gql("mutation($id: ID!, $l: String) { feedback(id: $id, label: $l) { id } }", { id: String(first.id), l: "x".repeat(1_000_000) });
    expect(huge.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(huge.errors![0].message.length).toBeLessThan(300);
    const broken = await fetch(`${app.server.url}/api/predict`, { method: "POST", headers: { "content-type": "image/png" }, body: png.subarray(0, png.length >> 1) });
    expect((await broken.json()).error).toMatchObject({ code: "BAD_USER_INPUT", message: "the PNG image is damaged or truncated" });
    const many = await fetch(`${app.server.url}/api/predict?classes=${"0123456789".repeat(12)}`, { method: "POST", headers: { "content-type": "image/png" }, body: png });
    expect((await many.json()).error.message).toMatch(/^classes may name at most 100 characters/);
  });

  it("sends security headers on pages and API answers", async () => {
    for (const url of ["/", "/admin/login", "/api/health"]) {
      const res = await fetch(`${app.server.url}${url}`);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    }
  });
});
