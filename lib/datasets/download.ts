import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, statSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export const EMNIST_URL = "https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip";

export type DownloadProgress = { received: number; total?: number; bytesPerSecond: number };

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/**
 * Downloads `url` to `dest`, resuming a partial `<dest>.part` with an HTTP Range request, then checks the
 * sha256 when one is given. Returns the file's sha256.
 */
export async function download(url: string, dest: string, opts: { sha256?: string; onProgress?: (p: DownloadProgress) => void; timeoutMs?: number } = {}): Promise<string> {
  await mkdir(path.dirname(dest), { recursive: true });
  if (existsSync(dest)) {
    const digest = await sha256File(dest);
    if (!opts.sha256 || digest === opts.sha256) return digest;
    throw new Error(`${dest} exists but its sha256 is ${digest}, not ${opts.sha256}; delete it to download again`);
  }
  const part = `${dest}.part`;
  const have = existsSync(part) ? statSync(part).size : 0;
  const res = await fetch(url, {
    headers: have ? { range: `bytes=${have}-` } : {},
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  if (!res.ok && res.status !== 206) throw new Error(`the server answered ${res.status} ${res.statusText}`);
  const resumed = res.status === 206;
  const length = Number(res.headers.get("content-length") ?? 0);
  const total = length ? length + (resumed ? have : 0) : undefined;
  let received = resumed ? have : 0;
  const started = Date.now();
  const body = Readable.fromWeb(res.body as import("node:stream/web").ReadableStream<Uint8Array>);
  body.on("data", (chunk: Buffer) => {
    received += chunk.length;
    opts.onProgress?.({ received, total, bytesPerSecond: (received - (resumed ? have : 0)) / Math.max(0.001, (Date.now() - started) / 1000) });
  });
  await pipeline(body, createWriteStream(part, { flags: resumed ? "a" : "w" }));
  const digest = await sha256File(part);
  if (opts.sha256 && digest !== opts.sha256) throw new Error(`downloaded file's sha256 is ${digest}, expected ${opts.sha256}; the partial file is kept at ${part}`);
  await rename(part, dest);
  return digest;
}
