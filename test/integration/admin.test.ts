import { hashPassword } from "../../lib/auth/password";
import { seedUploads } from "../helpers/samples";
import { useApp } from "../helpers/app";

type Gql = { data?: Record<string, any>; errors?: { message: string; extensions: Record<string, any> }[] };

describe("admin API: sign-in, labelling actions, conflicts, statistics", () => {
  let adminCookie = "";
  let otherAdminCookie = "";

  const login = async (username: string, password: string, ip = "10.1.0.1") =>
    fetch(`${app.server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ username, password }),
    });
  const cookieOf = (res: Response) => res.headers.get("set-cookie")!.split(";")[0];
  const gql = async (query: string, variables: Record<string, unknown> = {}, cookie = adminCookie): Promise<Gql> => {
    const res = await fetch(`${app.server.url}/api/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<Gql>;
  };
  const version = async (id: number) => (await app.t.db.sample.findUniqueOrThrow({ where: { id } })).version;

  const app = useApp({
    env: { LOGIN_ATTEMPTS_PER_15_MIN: "3" },
    seed: async (t) => {
      for (const [username, role] of [["alice", "admin"], ["bob", "admin"], ["victor", "viewer"]] as const) {
        await t.db.user.create({ data: { username, role, passwordHash: await hashPassword(`${username} password`) } });
      }
    },
  });
  beforeAll(async () => {
    adminCookie = cookieOf(await login("alice", "alice password"));
    otherAdminCookie = cookieOf(await login("bob", "bob password", "10.1.0.2"));
  });

  it("sets an httpOnly SameSite session cookie and refuses wrong passwords", async () => {
    const ok = await login("alice", "alice password", "10.2.0.1");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toMatch(/^hp_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    const sessions = await app.t.db.session.findMany();
    expect(sessions.every((s) => !ok.headers.get("set-cookie")!.includes(s.id))).toBe(true); // only the token's hash is stored
    const wrong = await login("alice", "nope", "10.2.0.2");
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error).toEqual({ code: "UNAUTHENTICATED", message: "wrong username or password" });
    const unknown = await login("mallory", "nope", "10.2.0.2");
    expect((await unknown.json()).error.message).toBe("wrong username or password");
  });

  it("rate-limits sign-in attempts", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login("alice", "guess", "10.3.0.1")).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // the right password does not get through while limited either
    const limited = await login("alice", "alice password", "10.3.0.1");
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe("RATE_LIMITED");
  });

  it("refuses anonymous callers (UNAUTHENTICATED) and non-admins (FORBIDDEN) everywhere", async () => {
    const [id] = await seedUploads(app.t.db, [{ predicted: "7", confidence: 0.5 }]);
    const viewer = cookieOf(await login("victor", "victor password", "10.4.0.1"));
    const ops = [
      ["{ samples { totalCount } }", {}],
      ["{ labelEvents { totalCount } }", {}],
      ["mutation($id: ID!) { approveSample(id: $id, version: 0) { id } }", { id: String(id) }],
      ["mutation($id: ID!) { relabelSample(id: $id, version: 0, label: \"1\") { id } }", { id: String(id) }],
      ["mutation($id: ID!) { rejectSample(id: $id, version: 0) { id } }", { id: String(id) }],
      ["mutation($id: ID!) { approveSamples(items: [{ id: $id, version: 0 }]) { ok } }", { id: String(id) }],
      ["mutation { undoLastAction { id } }", {}],
      ["query($id: ID!) { sample(id: $id) { original } }", { id: String(id) }],
    ] as const;
    for (const [query, vars] of ops) {
      expect((await gql(query, vars, "")).errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
      expect((await gql(query, vars, viewer)).errors?.[0].extensions.code).toBe("FORBIDDEN");
    }
    expect((await app.t.db.sample.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    // pages: anonymous visitors are sent to the sign-in page; admins get the page
    for (const page of ["/admin/queue", "/admin/stats"]) {
      const anon = await fetch(`${app.server.url}${page}`, { redirect: "manual" });
      expect(anon.status).toBe(307);
      expect(anon.headers.get("location")).toContain(`/admin/login?next=${encodeURIComponent(page)}`);
      const asViewer = await fetch(`${app.server.url}${page}`, { headers: { cookie: viewer } });
      expect(await asViewer.text()).toContain("Admins only");
      const asAdmin = await fetch(`${app.server.url}${page}`, { headers: { cookie: adminCookie } });
      expect(asAdmin.status).toBe(200);
    }
    // the public aggregate stays public
    expect((await gql("{ datasetStats { bySource { key count } } }", {}, "")).errors).toBeUndefined();
    await app.t.db.sample.delete({ where: { id } });
  });

  it("approves, relabels, rejects and undoes, writing a LabelEvent for each", async () => {
    const [a, b, c, d] = await seedUploads(app.t.db, [
      { predicted: "7", confidence: 0.9 },
      { predicted: "O", confidence: 0.4, suggested: "0" },
      { predicted: "1", confidence: 0.3 },
      { predicted: "S", confidence: 0.2 },
    ]);
    const approved = await gql("mutation($id: ID!, $v: Int!) { approveSample(id: $id, version: $v) { status label version } }", { id: String(a), v: 0 });
    expect(approved.data!.approveSample).toEqual({ status: "APPROVED", label: "7", version: 1 });
    const suggested = await gql("mutation($id: ID!, $v: Int!) { approveSample(id: $id, version: $v, as: SUGGESTED) { status label } }", { id: String(b), v: 0 });
    expect(suggested.data!.approveSample).toEqual({ status: "APPROVED", label: "0" });
    const relabelled = await gql("mutation($id: ID!, $v: Int!, $l: String!) { relabelSample(id: $id, version: $v, label: $l) { status label } }", { id: String(c), v: 0, l: "l" });
    expect(relabelled.data!.relabelSample).toEqual({ status: "APPROVED", label: "L" }); // balanced47 folds l into L
    const badLabel = await gql("mutation($id: ID!, $l: String!) { relabelSample(id: $id, version: 0, label: $l) { status } }", { id: String(d), l: "?" });
    expect(badLabel.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringMatching(/not a label of balanced47/) });
    const rejected = await gql("mutation($id: ID!) { rejectSample(id: $id, version: 0) { status label } }", { id: String(d) });
    expect(rejected.data!.rejectSample).toEqual({ status: "REJECTED", label: null });
    const undone = await gql("mutation { undoLastAction { id status label } }");
    expect(undone.data!.undoLastAction).toEqual({ id: String(d), status: "PENDING", label: null });

    const events = await app.t.db.labelEvent.findMany({ where: { sampleId: { in: [a, b, c, d] } }, orderBy: { id: "asc" }, include: { user: true } });
    expect(events.map((e) => [e.sampleId, e.action, e.fromStatus, e.toStatus, e.fromLabel, e.toLabel, e.user.username])).toEqual([
      [a, "approve", "pending", "approved", null, "7", "alice"],
      [b, "approve", "pending", "approved", null, "0", "alice"],
      [c, "relabel", "pending", "approved", null, "L", "alice"],
      [d, "reject", "pending", "rejected", null, null, "alice"],
      [d, "undo", "rejected", "pending", null, null, "alice"],
    ]);
    const log = await gql("query($id: ID!) { labelEvents(sampleId: $id) { totalCount edges { node { action user toStatus } } } }", { id: String(d) });
    expect(log.data!.labelEvents.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { action: "undo", user: "alice", toStatus: "PENDING" },
      { action: "reject", user: "alice", toStatus: "REJECTED" },
    ]);
    // the three approvals count towards the next fine-tune
    expect((await gql("{ retrainTrigger { unseenApproved threshold } }")).data!.retrainTrigger).toEqual({ unseenApproved: 3, threshold: 200 });
  });

  it("never lets two admins overwrite each other silently", async () => {
    const [id] = await seedUploads(app.t.db, [{ predicted: "B", confidence: 0.5 }]);
    const seen = await version(id);
    const first = await gql("mutation($id: ID!, $v: Int!) { relabelSample(id: $id, version: $v, label: \"8\") { label version } }", { id: String(id), v: seen }, otherAdminCookie);
    expect(first.data!.relabelSample).toEqual({ label: "8", version: seen + 1 });
    const second = await gql("mutation($id: ID!, $v: Int!) { approveSample(id: $id, version: $v) { label } }", { id: String(id), v: seen });
    expect(second.errors![0].extensions).toMatchObject({ code: "CONFLICT", current: { status: "approved", label: "8", version: seen + 1 } });
    expect(second.errors![0].message).toMatch(/changed by someone else/);
    expect((await app.t.db.sample.findUniqueOrThrow({ where: { id } })).label).toBe("8");
    expect(await app.t.db.labelEvent.count({ where: { sampleId: id } })).toBe(1);
  });

  it("acts in bulk, each sample on its own", async () => {
    const ids = await seedUploads(app.t.db, [
      { predicted: "2", confidence: 0.6 },
      { predicted: "3", confidence: 0.6 },
      { predicted: "4", confidence: 0.6 },
    ]);
    const res = await gql("mutation($items: [SampleRef!]!) { approveSamples(items: $items) { id ok sample { status label } error { code } } }", {
      items: [
        { id: String(ids[0]), version: 0 },
        { id: String(ids[1]), version: 5 },
        { id: String(ids[2]), version: 0 },
      ],
    });
    expect(res.data!.approveSamples).toEqual([
      { id: String(ids[0]), ok: true, sample: { status: "APPROVED", label: "2" }, error: null },
      { id: String(ids[1]), ok: false, sample: null, error: { code: "CONFLICT" } },
      { id: String(ids[2]), ok: true, sample: { status: "APPROVED", label: "4" }, error: null },
    ]);
    const rejected = await gql("mutation($items: [SampleRef!]!) { rejectSamples(items: $items) { ok } }", { items: [{ id: String(ids[1]), version: 0 }] });
    expect(rejected.data!.rejectSamples).toEqual([{ ok: true }]);
  });

  it("lists the queue most uncertain first, with the other orders and filters", async () => {
    await app.t.db.sample.deleteMany({ where: { source: "user", status: "pending" } });
    const day = (n: number) => new Date(Date.UTC(2026, 10, n));
    const [low, mid, high] = await seedUploads(app.t.db, [
      { predicted: "Q", confidence: 0.2, createdAt: day(1) },
      { predicted: "A", confidence: 0.5, suggested: "4", createdAt: day(3) },
      { predicted: "A", confidence: 0.9, createdAt: day(2) },
    ]);
    const order = async (orderBy: string, filter: Record<string, unknown> = {}) =>
      (await gql("query($o: QueueOrder, $f: SampleFilter) { samples(orderBy: $o, filter: $f) { totalCount edges { node { id } } } }", { o: orderBy, f: filter })).data!.samples.edges.map(
        (e: { node: { id: string } }) => Number(e.node.id),
      );
    expect(await order("UNCERTAIN_FIRST")).toEqual([low, mid, high]);
    expect(await order("NEWEST_FIRST")).toEqual([mid, high, low]);
    expect(await order("BY_PREDICTED_LABEL")).toEqual([mid, high, low]);
    expect(await order("SUGGESTIONS_FIRST")).toEqual([mid, low, high]);
    expect(await order("UNCERTAIN_FIRST", { predictedLabel: "A" })).toEqual([mid, high]);
    expect(await order("UNCERTAIN_FIRST", { hasFeedback: true })).toEqual([mid]);
    const page = await gql("{ samples(first: 2) { edges { node { id original topK { label } } } pageInfo { hasNextPage endCursor } } }");
    expect(page.data!.samples.pageInfo.hasNextPage).toBe(true);
    expect(page.data!.samples.edges[0].node.original).toMatch(/^data:image\/png;base64,/);
    const rest = await gql("query($a: String) { samples(first: 2, after: $a) { edges { node { id } } pageInfo { hasNextPage } } }", { a: page.data!.samples.pageInfo.endCursor });
    expect(rest.data!.samples.edges.map((e: { node: { id: string } }) => Number(e.node.id))).toEqual([high]);
  });

  it("computes the statistics of a known database", async () => {
    await app.t.db.labelEvent.deleteMany();
    await app.t.db.sample.deleteMany();
    const ids = await seedUploads(app.t.db, [
      { predicted: "1", confidence: 0.9 },
      { predicted: "1", confidence: 0.8 },
      { predicted: "7", confidence: 0.6 },
      { predicted: "O", confidence: 0.5 },
      { predicted: "Z", confidence: 0.4 },
    ]);
    // base data is counted apart: it never shows among the uploads' status, split or labels
    await app.t.db.sample.createMany({
      data: [1, 2].map((n) => ({ source: "emnist" as const, split: "train" as const, classSet: "bymerge47", label: "7", status: "approved" as const, image: new Uint8Array(784).fill(n), sha256: String(n).repeat(64) })),
    });
    await gql("mutation($id: ID!) { approveSample(id: $id, version: 0) { id } }", { id: String(ids[0]) }); // 1 -> 1 right
    await gql("mutation($id: ID!) { relabelSample(id: $id, version: 0, label: \"7\") { id } }", { id: String(ids[1]) }); // 1 was 7
    await gql("mutation($id: ID!) { approveSample(id: $id, version: 0) { id } }", { id: String(ids[2]) }); // 7 right
    await gql("mutation($id: ID!) { rejectSample(id: $id, version: 0) { id } }", { id: String(ids[3]) });
    const s = (
      await gql(
        "{ datasetStats { bySource { key count } base { total bySource { key count } bySplit { key count } byLabel { key count } } byStatus { key count } byLabel { key count } uploadsPerDay { count } actions { total approveRate relabelRate rejectRate } activeModel { version evaluated accuracy perClass { label count accuracy } mostConfused { pair errors } confusion } } }",
        {},
        "",
      )
    ).data!.datasetStats;
    expect(s.bySource).toEqual([{ key: "user", count: 5 }, { key: "emnist", count: 2 }]);
    expect(s.base).toEqual({ total: 2, bySource: [{ key: "emnist", count: 2 }], bySplit: [{ key: "train", count: 2 }], byLabel: [{ key: "7", count: 2 }] });
    expect(s.byStatus).toEqual(expect.arrayContaining([{ key: "approved", count: 3 }, { key: "pending", count: 1 }, { key: "rejected", count: 1 }]));
    expect(s.byLabel).toEqual([{ key: "1", count: 1 }, { key: "7", count: 2 }]);
    expect(s.uploadsPerDay.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(5);
    expect(s.actions).toEqual({ total: 4, approveRate: 0.5, relabelRate: 0.25, rejectRate: 0.25 });
    expect(s.activeModel).toMatchObject({ version: 1, evaluated: 3, accuracy: 2 / 3, mostConfused: [{ pair: "1/7", errors: 1 }] });
    expect(s.activeModel.perClass).toEqual([{ label: "1", count: 1, accuracy: 1 }, { label: "7", count: 2, accuracy: 0.5 }]);
    expect(s.activeModel.confusion[7][1]).toBe(1);
  });

  it("signs out", async () => {
    const cookie = cookieOf(await login("alice", "alice password", "10.5.0.1"));
    expect((await gql("{ me { username role } }", {}, cookie)).data!.me).toEqual({ username: "alice", role: "admin" });
    const out = await fetch(`${app.server.url}/api/auth/logout`, { method: "POST", headers: { cookie } });
    expect(out.headers.get("set-cookie")).toMatch(/hp_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await gql("{ me { username } }", {}, cookie)).data!.me).toBeNull();
  });
});
