import sharp from "sharp";
import { ApiError } from "../../lib/api-errors";
import { analyseUpload, unwrap, type Analysis } from "../../lib/image/analyse";
import { ImageError } from "../../lib/image/image-error";
import { ImagePool, UPLOADS_PER_WORKER } from "../../lib/image/pool";
import { canvasPng, glyphPng, simulatedPhoto } from "../fixtures/glyphs";
import { useApp } from "../helpers/app";

const MAX_PIXELS = 40_000_000;
/** A large PNG (libvips reduces it) that keeps a worker busy for a while; distinct bytes for each `i`. */
const slowImage = (i: number) => glyphPng(["4", "7", "L", "X"][i % 4], { size: 4000, rotate: i });

async function fixtures(): Promise<[string, Buffer][]> {
  const seven = await glyphPng("7", { size: 300 });
  return [
    ["small PNG", await glyphPng("4", { size: 150 })],
    ["28 px PNG", await glyphPng("L", { size: 28, stroke: 12 })],
    ["canvas PNG", await canvasPng("X")],
    ["chalk on a blackboard", await glyphPng("O", { size: 300, ink: "#f0f0f0", paper: "#1b2a1b" })],
    ["phone photo", await simulatedPhoto("T", 1200, 3)],
    ["WebP", await sharp(seven).webp().toBuffer()],
    ["GIF", await sharp(seven).gif().toBuffer()],
    ["blank", await sharp({ create: { width: 200, height: 200, channels: 3, background: "#ffffff" } }).png().toBuffer()],
    ["truncated PNG", seven.subarray(0, seven.length >> 1)],
    ["not an image", Buffer.from("hello, world")],
  ];
}

/** What an analysis came to, thrown refusals included, in a form toEqual can compare. */
async function outcome(run: () => Promise<Analysis>) {
  try {
    const { pixels, png, sha256, contentType } = await run();
    return { pixels: Buffer.from(pixels).toString("base64"), png: Buffer.from(png).toString("base64"), sha256, contentType };
  } catch (err) {
    return { refused: err instanceof ImageError ? { code: err.code, message: err.message } : String(err) };
  }
}

describe("image pool (worker threads)", () => {
  let pool: ImagePool;
  afterEach(async () => pool?.destroy());

  it("returns exactly what the in-thread analysis returns, refusals included", async () => {
    pool = new ImagePool({ threads: 2, maxQueue: 64, maxInputPixels: MAX_PIXELS });
    for (const [name, bytes] of await fixtures()) {
      const inThread = await outcome(async () => unwrap(await analyseUpload(bytes, MAX_PIXELS)));
      const inPool = await outcome(() => pool.analyse(bytes));
      expect({ name, ...inPool }).toEqual({ name, ...inThread });
    }
  });

  it("fails the upload a dying worker held with a clear error, and replaces the worker", async () => {
    pool = new ImagePool({ threads: 1, maxQueue: 8, maxInputPixels: MAX_PIXELS });
    const image = await slowImage(0);
    await pool.analyse(image); // the worker is up
    const inFlight = pool.analyse(image);
    await pool.threads[0].terminate();
    const err = await inFlight.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe("UNAVAILABLE");
    expect((err as ApiError).message).toMatch(/stopped unexpectedly.*send it again/);
    const after = await pool.analyse(await glyphPng("7", { size: 200 }));
    expect(after.pixels).toHaveLength(784);
    expect(pool.status().threads).toBe(1);
  });

  it("refuses at once when its queue is full instead of holding more uploads", async () => {
    pool = new ImagePool({ threads: 1, maxQueue: 1, maxInputPixels: MAX_PIXELS });
    const image = await slowImage(1);
    const results = await Promise.allSettled(Array.from({ length: UPLOADS_PER_WORKER + 3 }, () => pool.analyse(image)));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as ApiError);
    // the worker holds UPLOADS_PER_WORKER (one running, the rest ready), one waits in the queue, the rest are refused
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(UPLOADS_PER_WORKER + 1);
    expect(refused).toHaveLength(2);
    for (const err of refused) expect(err).toMatchObject({ code: "UNAVAILABLE", extra: { retryAfter: 1 } });
    expect(refused[0].message).toMatch(/busy/);
  });
});

describe("back-pressure through the server", () => {
  const app = useApp({ env: { IMAGE_WORKERS: "1", IMAGE_QUEUE_MAX: "1", RATE_LIMIT_PER_MINUTE: "0" } });

  it("answers 503 with Retry-After when the image queue is full, and the health check shows the pool", async () => {
    const health = await (await fetch(`${app.server.url}/api/health`)).json();
    expect(health.imageAnalysis).toEqual({ threads: 1, queued: 0, maxQueue: 1 });
    const images = await Promise.all(Array.from({ length: UPLOADS_PER_WORKER + 8 }, (_, i) => slowImage(i)));
    const responses = await Promise.all(
      images.map((image) => fetch(`${app.server.url}/api/predict`, { method: "POST", body: new Uint8Array(image), headers: { "content-type": "image/png" } })),
    );
    const busy = responses.filter((r) => r.status === 503);
    expect(responses.some((r) => r.status === 200)).toBe(true);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0].headers.get("retry-after")).toBe("1");
    expect((await busy[0].json()).error).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/busy/) });
    const stored = await app.t.db.sample.count({ where: { source: "user" } });
    expect(stored).toBe(responses.length - busy.length);
  });
});
