import { hashPassword } from "../../lib/auth/password";
import { fieldPng } from "../fixtures/glyphs";
import { useApp } from "../helpers/app";

type Gql = { data?: Record<string, any>; errors?: { message: string; extensions: Record<string, any> }[] };
let client = 0;
const ip = () => `10.2.0.${++client}`;

describe("field reading API (POST /api/read, GraphQL read/field/fields) against the real server, model and database", () => {
  let adminCookie = "";
  const app = useApp({
    env: { MAX_UPLOAD_BYTES: "300000" },
    seed: async (t) => {
      await t.db.user.create({ data: { username: "alice", role: "admin", passwordHash: await hashPassword("alice password") } });
    },
  });
  beforeAll(async () => {
    const res = await fetch(`${app.server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip() },
      body: JSON.stringify({ username: "alice", password: "alice password" }),
    });
    adminCookie = res.headers.get("set-cookie")!.split(";")[0];
  });

  const post = (png: Buffer, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array(png)], { type: "image/png" }), "field.png");
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return fetch(`${app.server.url}/api/read`, { method: "POST", body: form, headers: { "x-forwarded-for": ip() } });
  };
  const gql = async (query: string, variables: Record<string, unknown> = {}, cookie = ""): Promise<Gql> => {
    const res = await fetch(`${app.server.url}/api/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip(), ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<Gql>;
  };

  it("reads a field, stores it once and puts each character in the labelling queue with its place and box", async () => {
    const png = await fieldPng("47 LX");
    const res = await post(png);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: expect.any(Number), text: "47 LX", expected: null, matchesExpected: true, reused: false, model: { version: 1, classSet: "balanced47" } });
    expect(body.characters).toHaveLength(4);
    expect(body.characters.map((c: { spaceBefore: boolean }) => c.spaceBefore)).toEqual([false, false, true, false]);
    expect(body.timings.totalMs).toBeGreaterThan(0);

    const field = await app.t.db.field.findUniqueOrThrow({ where: { id: body.id }, include: { characters: { orderBy: { fieldPosition: "asc" } } } });
    expect(field).toMatchObject({ text: "47 LX", contentType: "image/png", width: body.width, height: body.height });
    expect(Buffer.from(field.original)).toEqual(png);
    expect(field.characters.map((c) => [c.fieldPosition, c.predictedLabel, c.status, c.source])).toEqual([
      [0, "4", "pending", "user"],
      [1, "7", "pending", "user"],
      [2, "L", "pending", "user"],
      [3, "X", "pending", "user"],
    ]);
    expect(field.characters[0].box).toEqual(body.characters[0].box);
    expect(field.characters[0].image).toHaveLength(784);
    expect(body.characters.map((c: { sampleId: number }) => c.sampleId)).toEqual(field.characters.map((c) => c.id));

    // the same bytes again: the same field, its characters read again, not twice
    const again = await (await post(png)).json();
    expect(again).toMatchObject({ id: body.id, reused: true });
    expect(await app.t.db.sample.count({ where: { fieldId: body.id } })).toBe(4);
  });

  it("reads of the same new field bytes at once all answer with one field whose samples exist", async () => {
    const png = await fieldPng("2 X", { pitch: 91 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(png)));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(answers.map((r, i) => (r.status === 200 ? 200 : JSON.stringify(bodies[i])))).toEqual(Array(20).fill(200));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    const ids = bodies.flatMap((b) => b.characters.map((c: { sampleId: number }) => c.sampleId));
    expect(await app.t.db.sample.count({ where: { id: { in: [...new Set(ids)] } } })).toBe(new Set(ids).size);
  });

  it("a re-read keeps the field's samples, their ids and label events, and answers what field(id) shows", async () => {
    const png = await fieldPng("T4", { pitch: 97 });
    const first = await (await post(png)).json();
    const ids = first.characters.map((c: { sampleId: number }) => c.sampleId);
    // every character pending: a re-read under a restriction takes the new reading in place
    const inPlace = await (await post(png, { restrict: "digits" })).json();
    expect(inPlace.characters.map((c: { sampleId: number }) => c.sampleId)).toEqual(ids);
    // an admin approves the first character; the next re-read changes nothing and answers the stored field
    const version = (await app.t.db.sample.findUniqueOrThrow({ where: { id: ids[0] } })).version;
    const approved = await gql("mutation($id: ID!, $v: Int!) { approveSample(id: $id, version: $v) { id } }", { id: String(ids[0]), v: version }, adminCookie);
    expect(approved.errors).toBeUndefined();
    const events = await app.t.db.labelEvent.count({ where: { sampleId: { in: ids } } });
    const again = await (await post(png, { restrict: "letters" })).json();
    const stored = (await gql("query($id: ID!) { field(id: $id) { text characters { sampleId label } } }", { id: String(first.id) })).data!.field;
    expect({ id: again.id, text: again.text, ids: again.characters.map((c: { sampleId: number }) => c.sampleId) }).toEqual({
      id: first.id,
      text: stored.text,
      ids: stored.characters.map((c: { sampleId: string }) => Number(c.sampleId)),
    });
    expect(stored.characters.map((c: { sampleId: string }) => Number(c.sampleId))).toEqual(ids);
    expect(await app.t.db.labelEvent.count({ where: { sampleId: { in: ids } } })).toBe(events);
    expect(events).toBeGreaterThan(0);
  });

  it("holds the reading to a pattern, a lexicon or a restriction, and refuses a bad one clearly", async () => {
    const png = await fieldPng("4O7");
    const digits = await (await post(png, { pattern: "\\d{3}", preview: "1" })).json();
    expect(digits).toMatchObject({ text: "407", expected: "pattern:\\d{3}", matchesExpected: true, id: null });
    const lexicon = await (await post(await fieldPng("LX"), { lexicon: "Lx\nTX", preview: "1" })).json();
    expect(lexicon.text).toBe("Lx");
    const bad = await post(png, { pattern: "[^0-9]" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/negated set/);
    const both = await post(png, { pattern: "\\d{3}", restrict: "digits" });
    expect(both.status).toBe(400);
    expect((await both.json()).error.message).toMatch(/at most one of pattern, lexicon and restrict/);
  });

  it("takes a lexicon of the documented 10,000 values and refuses one sent as a file instead of ignoring it", async () => {
    const png = await fieldPng("LX");
    const values = ["Lx", ...Array.from({ length: 9_999 }, (_, i) => `V${String(i).padStart(18, "0")}`)]; // about 200 KB
    const large = await post(png, { lexicon: values.join("\n"), preview: "1" });
    expect(large.status).toBe(200);
    expect((await large.json()).text).toBe("Lx");
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array(png)], { type: "image/png" }), "field.png");
    form.append("lexicon", new Blob(["Lx\nTX"], { type: "text/plain" }), "lexicon.txt");
    const asFile = await fetch(`${app.server.url}/api/read?preview=1`, { method: "POST", body: form });
    expect(asFile.status).toBe(400);
    expect((await asFile.json()).error.message).toMatch(/send `lexicon` as a text field, not as a file/);
  });

  it('answers "no writing found" for a blank image and stores nothing', async () => {
    const before = await app.t.db.field.count();
    const res = await post(await fieldPng("   "));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^no writing found/);
    expect(await app.t.db.field.count()).toBe(before);
  });

  it("GraphQL read, field and fields; the visitor's feedback lines up with the characters", async () => {
    const png = await fieldPng("T4O");
    const read = await gql(
      `mutation($image: String!) { read(image: $image, restrict: DIGITS) { id text expected characters { position label sampleId box { x width } } } }`,
      { image: `data:image/png;base64,${png.toString("base64")}` },
    );
    expect(read.errors).toBeUndefined();
    const { id, characters } = read.data!.read;
    expect(read.data!.read.expected).toBe("digits");
    expect(characters).toHaveLength(3);
    const field = await gql(`query($id: ID!) { field(id: $id) { text width characters { label status } } fields(first: 5) { totalCount edges { node { id } } } }`, { id });
    expect(field.data!.field.characters.every((c: { status: string }) => c.status === "PENDING")).toBe(true);
    expect(field.data!.fields.edges[0].node.id).toBe(String(id));

    const feedback = await gql(`mutation($id: ID!) { fieldFeedback(id: $id, text: "T4O") { suggestedText } }`, { id });
    expect(feedback.data!.fieldFeedback.suggestedText).toBe("T4O");
    const samples = await app.t.db.sample.findMany({ where: { fieldId: Number(id) }, orderBy: { fieldPosition: "asc" } });
    expect(samples.map((s) => s.suggestedLabel)).toEqual(["T", "4", "O"]);

    // "it says T4O7": one character more than were read; kept on the field for the reviewer, the characters untouched
    await gql(`mutation($id: ID!) { fieldFeedback(id: $id, text: "T4O7") { suggestedText } }`, { id });
    const inQueue = await gql(`query($id: ID!) { sample(id: $id) { suggestedLabel field { suggestedText } } }`, { id: samples[0].id }, adminCookie);
    expect(inQueue.data!.sample).toEqual({ suggestedLabel: "T", field: { suggestedText: "T4O7" } });
  });

  it("the queue shows a field's character in context, and an admin's full text labels every character", async () => {
    const { id } = await (await post(await fieldPng("7L4"))).json();
    const sample = await app.t.db.sample.findFirstOrThrow({ where: { fieldId: id, fieldPosition: 1 } });
    const inQueue = await gql(`query($id: ID!) { sample(id: $id) { fieldPosition box { x y width height } field { id text characterCount } original } }`, { id: sample.id }, adminCookie);
    expect(inQueue.errors).toBeUndefined();
    expect(inQueue.data!.sample).toMatchObject({ fieldPosition: 1, field: { id: String(id), characterCount: 3 } });
    expect(inQueue.data!.sample.original).toMatch(/^data:image\/png;base64,/); // the whole field

    const mismatch = await gql(`mutation($id: ID!) { labelFieldText(id: $id, text: "7L") { applied field { reviewText } } }`, { id }, adminCookie);
    expect(mismatch.data!.labelFieldText).toEqual({ applied: false, field: { reviewText: "7L" } });
    const typed = await gql(`mutation($id: ID!) { labelFieldText(id: $id, text: "7l4") { applied results { ok sample { status label } } field { reviewText characters { reviewedLabel } } } }`, { id }, adminCookie);
    expect(typed.errors).toBeUndefined();
    expect(typed.data!.labelFieldText.applied).toBe(true);
    expect(typed.data!.labelFieldText.field).toEqual({ reviewText: null, characters: [{ reviewedLabel: "7" }, { reviewedLabel: "L" }, { reviewedLabel: "4" }] });
    const events = await app.t.db.labelEvent.findMany({ where: { sample: { fieldId: id } } });
    expect(events).toHaveLength(3);
    expect(new Set(events.map((e) => e.groupId)).size).toBe(1); // one action: undo takes it back whole
    // visitors cannot label
    const refused = await gql(`mutation($id: ID!) { labelFieldText(id: $id, text: "7L4") { applied } }`, { id });
    expect(refused.errors![0].extensions.code).toBe("UNAUTHENTICATED");
  });
});
