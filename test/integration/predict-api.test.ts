import sharp from "sharp";
import { glyphPng, glyphSvg } from "../fixtures/glyphs";
import { useApp } from "../helpers/app";

const MAX_UPLOAD = 300_000;
let client = 0;
/** Each test speaks as its own client so the rate limit test does not starve the others. */
const headers = (h: Record<string, string> = {}) => ({ "x-forwarded-for": `10.0.0.${++client}`, ...h });

describe("prediction API against the real server, model and database", () => {
  let seven: Buffer;

  const app = useApp({ env: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD), RATE_LIMIT_PER_MINUTE: "30", GRAPHQL_MAX_DEPTH: "3" } });
  beforeAll(async () => {
    seven = await glyphPng("7", { size: 300 });
  });

  const multipart = (file: Buffer, type: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array(file)], { type }), "upload");
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return fetch(`${app.server.url}/api/predict`, { method: "POST", body: form, headers: headers() });
  };
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${app.server.url}/api/graphql`, {
      method: "POST",
      headers: headers({ "content-type": "application/json" }),
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions: { code: string } }[] };
  };
  const userSamples = () => app.t.db.sample.count({ where: { source: "user" } });

  it("POST /api/predict answers and stores the upload as a pending sample first", async () => {
    const res = await multipart(seven, "image/png");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: expect.any(Number), label: expect.any(String), confidence: expect.any(Number), model: { version: 1, classSet: "balanced47" }, reused: false });
    expect(body.top5).toHaveLength(5);
    expect(body.top5[0].label).toBe(body.label);
    expect(body.image28).toMatch(/^data:image\/png;base64,/);
    expect(body.timings.totalMs).toBeGreaterThan(0);
    const stored = await app.t.db.sample.findUniqueOrThrow({ where: { id: body.id } });
    expect(stored).toMatchObject({ source: "user", status: "pending", label: null, predictedLabel: body.label, contentType: "image/png", classSet: "balanced47" });
    expect(Buffer.from(stored.original!)).toEqual(seven);
    expect(stored.image).toHaveLength(784);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.confidence).toBeCloseTo(body.confidence, 6);
  });

  it("preview=1 answers without storing anything; all=1 adds every class", async () => {
    const before = await userSamples();
    const eight = await glyphPng("X", { size: 240 });
    const res = await multipart(eight, "image/png", { preview: "1", all: "1" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ label: expect.any(String), model: { version: 1 } });
    expect(body.id).toBeUndefined();
    expect(body.all).toHaveLength(47);
    expect(body.all[0]).toEqual(body.top5[0]);
    expect(await userSamples()).toBe(before);
  });

  it("reuses the sample of a byte-identical re-upload", async () => {
    const png = await glyphPng("L", { size: 260 });
    const first = await (await multipart(png, "image/png")).json();
    const before = await userSamples();
    const again = await (await multipart(png, "image/png")).json();
    expect(again.id).toBe(first.id);
    expect(again.reused).toBe(true);
    expect(await userSamples()).toBe(before);
  });

  it("accepts the raw bytes as the body, for curl --data-binary", async () => {
    const res = await fetch(`${app.server.url}/api/predict?restrict=digits`, {
      method: "POST",
      headers: headers({ "content-type": "image/jpeg" }),
      body: new Uint8Array(await sharp(seven).jpeg().toBuffer()),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).label).toMatch(/^[0-9]$/);
  });

  it("restricts the answer to digits, letters, upper or lower case, or an explicit list", async () => {
    const o = await glyphPng("O", { size: 240 });
    for (const [restrict, pattern] of [
      ["digits", /^[0-9]$/],
      ["letters", /^[A-Za-z]$/],
      ["upper", /^[A-Z]$/],
    ] as const) {
      const body = await (await multipart(o, "image/png", { restrict })).json();
      for (const r of body.top5) expect(r.label).toMatch(pattern);
      expect(body.top5.reduce((s: number, r: { probability: number }) => s + r.probability, 0)).toBeLessThanOrEqual(1.0001);
    }
    const lower = await (await multipart(o, "image/png", { restrict: "lower" })).json();
    // balanced47 merges o into O, so O stands for the lower-case letter too
    for (const r of lower.top5) expect("abdefghnqrtCIJKLMOPSUVWXYZ").toContain(r.label);
    const listed = await (await multipart(o, "image/png", { classes: "0,1,2" })).json();
    expect(listed.top5.map((r: { label: string }) => r.label).sort()).toEqual(["0", "1", "2"]);
  });

  it("refuses bad input with a clear error and stores nothing", async () => {
    const before = await userSamples();
    const cases: [Promise<Response>, number, string, RegExp][] = [
      [multipart(glyphSvg("7"), "image/svg+xml"), 415, "UNSUPPORTED_MEDIA_TYPE", /SVG is not accepted/],
      [multipart(Buffer.from("not an image at all"), "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE", /not an image we can read/],
      [multipart(await sharp({ create: { width: 200, height: 200, channels: 3, background: "#fff" } }).png().toBuffer(), "image/png"), 400, "BAD_USER_INPUT", /no character found/],
      [multipart(await sharp({ create: { width: 700, height: 700, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 60 } } }).png().toBuffer(), "image/png"), 413, "PAYLOAD_TOO_LARGE", /limit is 300000 bytes/],
      [multipart(seven, "image/png", { restrict: "emoji" }), 400, "BAD_USER_INPUT", /restrict must be one of/],
      [multipart(seven, "image/png", { restrict: "digits", classes: "0123" }), 400, "BAD_USER_INPUT", /at most one of restrict and classes/],
      [fetch(`${app.server.url}/api/predict`, { method: "POST", headers: headers({ "content-type": "application/json" }), body: "{}" }), 415, "UNSUPPORTED_MEDIA_TYPE", /multipart\/form-data/],
      [fetch(`${app.server.url}/api/predict`, { method: "POST", headers: headers(), body: new FormData() }), 400, "BAD_USER_INPUT", /field named `image`/],
    ];
    for (const [request, status, code, message] of cases) {
      const res = await request;
      const body = await res.json();
      expect({ status: res.status, code: body.error.code }).toEqual({ status, code });
      expect(body.error.message).toMatch(message);
    }
    expect(await userSamples()).toBe(before);
  });

  it("reads multipart bodies as clients write them, and refuses broken ones with a clear error", async () => {
    const boundary = "----handprint-test";
    const part = (name: string, value: Buffer | string, filename?: string) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\ncontent-type: image/png` : ""}\r\n\r\n`),
        Buffer.from(value),
        Buffer.from("\r\n"),
      ]);
    const end = Buffer.from(`--${boundary}--\r\n`);
    const post = (body: Buffer, type = `multipart/form-data; boundary=${boundary}`) =>
      fetch(`${app.server.url}/api/predict`, { method: "POST", headers: headers({ "content-type": type }), body: new Uint8Array(body) });

    // the image as `file`, options before and after it, parts we do not know skipped
    const ok = await post(Buffer.concat([part("restrict", "digits"), part("note", "hello"), part("file", seven, "seven.png"), part("preview", "1"), end]));
    expect(ok.status).toBe(200);
    const answer = await ok.json();
    expect(answer.label).toMatch(/^[0-9]$/);
    expect(answer.id).toBeUndefined(); // preview, given after the image

    const before = await userSamples();
    const cases: [Promise<Response>, RegExp][] = [
      [post(Buffer.concat([part("image", "not a file"), end])), /field named `image`/],
      [post(Buffer.concat([part("image", seven, "seven.png")]).subarray(0, 500)), /multipart body could not be read/],
      [post(Buffer.concat([part("image", seven, "seven.png"), end]), "multipart/form-data"), /multipart body could not be read/],
      [post(Buffer.concat([...Array.from({ length: 40 }, (_, i) => part(`f${i}`, "x")), part("image", seven, "seven.png"), end])), /more than 32 parts/],
    ];
    for (const [request, message] of cases) {
      const res = await request;
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(message) });
    }
    expect(await userSamples()).toBe(before);
  });

  it("refuses a chunked upload as soon as it passes the limit, without reading the rest", async () => {
    const before = await userSamples();
    for (const [route, type] of [["/api/predict", "image/png"], ["/api/predict", "multipart/form-data; boundary=x"], ["/api/graphql", "application/json"]]) {
      // 50 MB offered as a stream: no content-length, so only counting the bytes as they arrive can stop it
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (sent >= 50e6) return c.close();
          sent += 65536;
          c.enqueue(new Uint8Array(65536).fill(65));
        },
      });
      const res = await fetch(`${app.server.url}${route}`, { method: "POST", headers: headers({ "content-type": type }), body, duplex: "half" } as RequestInit);
      expect(res.status).toBe(413);
      expect(JSON.stringify(await res.json())).toMatch(/"code":"PAYLOAD_TOO_LARGE"/);
      expect(sent).toBeLessThan(10e6);
    }
    expect(await userSamples()).toBe(before);
  });

  it("GraphQL predict takes a data URL or plain base64 and errors carry extensions.code", async () => {
    const q = "mutation($image: String!, $restrict: Restriction) { predict(image: $image, restrict: $restrict) { id label confidence top5 { label probability } image28 model { version classSet } timings { totalMs } } }";
    const png = await glyphPng("X", { size: 220 });
    const viaUrl = await gql(q, { image: `data:image/png;base64,${png.toString("base64")}` });
    expect(viaUrl.errors).toBeUndefined();
    expect(viaUrl.data!.predict.top5).toHaveLength(5);
    const viaBase64 = await gql(q, { image: (await glyphPng("4", { size: 220 })).toString("base64"), restrict: "DIGITS" });
    expect(viaBase64.data!.predict.label).toMatch(/^[0-9]$/);
    const svg = await gql(q, { image: glyphSvg("7").toString("base64") });
    expect(svg.errors![0].extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const blank = await gql(q, { image: (await sharp({ create: { width: 50, height: 50, channels: 3, background: "#fff" } }).png().toBuffer()).toString("base64") });
    expect(blank.errors![0]).toMatchObject({ message: expect.stringMatching(/no character found/), extensions: { code: "BAD_USER_INPUT" } });
    const junk = await gql(q, { image: "%%%" });
    expect(junk.errors![0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("queries prediction(id), predictions with cursor pagination and filters, and sample(id)", async () => {
    const made = [];
    for (const ch of ["T", "O", "4"]) made.push(await (await multipart(await glyphPng(ch, { size: 180 + made.length }), "image/png")).json());
    const one = await gql("query($id: ID!) { prediction(id: $id) { id label confidence top5 { label } image28 model { version } } }", { id: String(made[0].id) });
    expect(one.data!.prediction).toMatchObject({ id: String(made[0].id), label: made[0].label, model: { version: 1 } });
    const page1 = await gql("{ predictions(first: 2) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }");
    const total = await userSamples();
    expect(page1.data!.predictions.totalCount).toBe(total);
    expect(page1.data!.predictions.edges).toHaveLength(2);
    expect(page1.data!.predictions.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql("query($after: String) { predictions(first: 2, after: $after) { edges { node { id } } } }", { after: page1.data!.predictions.pageInfo.endCursor });
    const ids = [...page1.data!.predictions.edges, ...page2.data!.predictions.edges].map((e: { node: { id: string } }) => Number(e.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    const filtered = await gql("query($l: String) { predictions(filter: { predictedLabel: $l }) { edges { node { label } } } }", { l: made[1].label });
    expect(filtered.data!.predictions.edges.length).toBeGreaterThan(0);
    for (const e of filtered.data!.predictions.edges) expect(e.node.label).toBe(made[1].label);
    const sample = await gql("query($id: ID!) { sample(id: $id) { id source status label predictedLabel image28 version } }", { id: String(made[2].id) });
    expect(sample.data!.sample).toMatchObject({ source: "USER", status: "PENDING", label: null, predictedLabel: made[2].label, version: 0 });
    expect((await gql("{ prediction(id: \"999999\") { id } }")).data!.prediction).toBeNull();
  });

  it("stores a visitor's feedback as a suggestion only", async () => {
    const made = await (await multipart(await glyphPng("L", { size: 210 }), "image/png")).json();
    const m = "mutation($id: ID!, $correct: Boolean, $label: String) { feedback(id: $id, correct: $correct, label: $label) { suggestedLabel } }";
    expect((await gql(m, { id: String(made.id), correct: true })).data!.feedback.suggestedLabel).toBe(made.label);
    expect((await gql(m, { id: String(made.id), label: "l" })).data!.feedback.suggestedLabel).toBe("L");
    const bad = await gql(m, { id: String(made.id), label: "%" });
    expect(bad.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringMatching(/not a character this model knows/) });
    expect((await gql(m, { id: "999999", correct: true })).errors![0].extensions.code).toBe("NOT_FOUND");
    const row = await app.t.db.sample.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({ status: "pending", label: null, suggestedLabel: "L" });
  });

  it("limits query depth", async () => {
    const ok = await gql("{ predictions(first: 1) { edges { node { label } } } }");
    expect(ok.errors).toBeUndefined();
    const deep = await gql("query Deep { predictions(first: 1) { edges { node { top5 { label } } } } }");
    expect(deep.errors![0].message).toMatch(/'Deep' exceeds maximum operation depth of 3/);
  });

  it("rate-limits predictions per client", async () => {
    const me = { "x-forwarded-for": "192.0.2.77" };
    const tiny = await glyphPng("7", { size: 40 });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const form = new FormData();
      form.append("image", new Blob([new Uint8Array(tiny)], { type: "image/png" }), "x.png");
      const res = await fetch(`${app.server.url}/api/predict`, { method: "POST", body: form, headers: me });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await res.json()).error.code).toBe("RATE_LIMITED");
      } else await res.arrayBuffer();
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
