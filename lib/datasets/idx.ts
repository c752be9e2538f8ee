import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { EMNIST, IMAGE, PIXELS } from "../models/classsets";

/** IDX (the MNIST/EMNIST container) for uint8 arrays, gzipped when the name ends in .gz. */
export type IdxArray = { shape: number[]; data: Uint8Array };

export function parseIdx(bytes: Uint8Array, name = "<bytes>"): IdxArray {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) throw new Error(`${name}: not an IDX file (bad magic number)`);
  if (bytes[2] !== 0x08) throw new Error(`${name}: only unsigned byte IDX files are supported (type 0x${bytes[2].toString(16)})`);
  const dims = bytes[3];
  if (bytes.length < 4 + 4 * dims) throw new Error(`${name}: truncated IDX file (header cut short)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape = Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i));
  const start = 4 + 4 * dims;
  const size = shape.reduce((a, b) => a * b, 1);
  if (bytes.length - start !== size) throw new Error(`${name}: truncated IDX file (${bytes.length - start} of ${size} bytes)`);
  return { shape, data: bytes.subarray(start) };
}

export function readIdx(file: string): IdxArray {
  const raw = readFileSync(file);
  return parseIdx(file.endsWith(".gz") ? gunzipSync(raw) : raw, file);
}

export function encodeIdx(arr: IdxArray): Buffer {
  const header = Buffer.alloc(4 + 4 * arr.shape.length);
  header[2] = 0x08;
  header[3] = arr.shape.length;
  arr.shape.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(arr.data.buffer, arr.data.byteOffset, arr.data.byteLength)]);
}

export async function writeIdx(file: string, arr: IdxArray): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const body = encodeIdx(arr);
  const tmp = `${file}.tmp`;
  await writeFile(tmp, file.endsWith(".gz") ? gzipSync(body, { level: 6 }) : body);
  await rename(tmp, file);
}

/** One split of an IDX dataset folder: images upright (EMNIST's transposed files are turned back), characters per image. */
export type IdxSplit = { prefix: string; images: Uint8Array[]; chars: string[] };

const IMAGES = /^(.+)-(train|test)-images-idx3-ubyte(\.gz)?$/;

export function datasetPrefixes(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`dataset folder not found: ${dir}`);
  return [...new Set(readdirSync(dir).map((f) => f.match(IMAGES)?.[1]).filter((p): p is string => !!p))].sort();
}

export function hasSplit(dir: string, prefix: string, split: "train" | "test"): boolean {
  return ["", ".gz"].some((gz) => existsSync(path.join(dir, `${prefix}-${split}-images-idx3-ubyte${gz}`)));
}

function find(dir: string, base: string): string {
  for (const name of [base, `${base}.gz`]) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  throw new Error(`${dir}: missing ${base}[.gz]`);
}

export function pickPrefix(dir: string, sourceSplit?: string): string {
  const prefixes = datasetPrefixes(dir);
  if (!prefixes.length) throw new Error(`${dir}: no *-train-images-idx3-ubyte files`);
  if (sourceSplit) {
    const matches = prefixes.filter((p) => p === sourceSplit || p.endsWith(`-${sourceSplit}`) || p.includes(`-${sourceSplit}-part`));
    if (matches.length !== 1) throw new Error(`${dir}: split "${sourceSplit}" matches ${matches.join(", ") || "nothing"}; available: ${prefixes.join(", ")}`);
    return matches[0];
  }
  if (prefixes.length > 1) throw new Error(`${dir}: holds several splits (${prefixes.join(", ")}); choose one with --source-split`);
  return prefixes[0];
}

/**
 * label -> the characters it stands for, from EMNIST's mapping file ("label code [code...]"). The letters
 * split gives upper and lower case one label ("1 65 97" -> "Aa"); ClassSet.indexOf decides where that fits.
 */
export function readMapping(file: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [label, ...codes] = line.trim().split(/\s+/);
    if (label && codes.length) map.set(Number(label), String.fromCharCode(...codes.map(Number)));
  }
  return map;
}

export function readSplit(dir: string, split: "train" | "test", sourceSplit?: string): IdxSplit {
  const prefix = pickPrefix(dir, sourceSplit);
  const images = readIdx(find(dir, `${prefix}-${split}-images-idx3-ubyte`));
  const labels = readIdx(find(dir, `${prefix}-${split}-labels-idx1-ubyte`));
  const mapping = readMapping(find(dir, `${prefix}-mapping.txt`));
  const [n, h, w] = images.shape;
  if (h !== IMAGE.height || w !== IMAGE.width) throw new Error(`${prefix}: images are ${h}x${w}, expected ${IMAGE.height}x${IMAGE.width}`);
  if (labels.shape[0] !== n) throw new Error(`${prefix}: ${n} images but ${labels.shape[0]} labels`);
  const transposed = EMNIST.transposed.some((p) => prefix.startsWith(p));
  const out: Uint8Array[] = [];
  const chars: string[] = [];
  for (let i = 0; i < n; i++) {
    const src = images.data.subarray(i * PIXELS, (i + 1) * PIXELS);
    if (transposed) {
      const img = new Uint8Array(PIXELS);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) img[y * w + x] = src[x * h + y];
      out.push(img);
    } else out.push(src);
    const ch = mapping.get(labels.data[i]);
    if (ch === undefined) throw new Error(`${prefix}: label ${labels.data[i]} is not in the mapping file`);
    chars.push(ch);
  }
  return { prefix, images: out, chars };
}
