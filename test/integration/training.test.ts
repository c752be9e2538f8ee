import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import sharp from "sharp";
import { readIdx, readSplit, writeIdx } from "../../lib/datasets/idx";
import { loadModel, runBatch } from "../../lib/inference/session";
import { evaluate } from "../../lib/training/evaluate";
import { checkParity } from "../../lib/training/parity";
import { ParityFixture } from "../../lib/training/trainer-output";
import { glyphPng } from "../fixtures/glyphs";
import { python, PYTHON } from "../helpers/python";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "handprint-training-"));

/** The trainer's ONNX export run in onnxruntime-node against PyTorch's probabilities (its parity.json). */
const parityOf = (run: string) => checkParity(path.join(run, "model.onnx"), ParityFixture.parse(JSON.parse(readFileSync(path.join(run, "parity.json"), "utf8"))));

/** An "L": a vertical bar on the left and a foot, so a transposition is visible. */
function letterL(): Uint8Array {
  const img = new Uint8Array(784);
  for (let y = 4; y < 24; y++) img[y * 28 + 8] = 255;
  for (let x = 8; x < 20; x++) img[23 * 28 + x] = 255;
  return img;
}

describe("training data and the trainer", () => {
  it("IDX files round-trip between TypeScript and Python, gzipped or not", async () => {
    const dir = tmp();
    const data = Uint8Array.from({ length: 3 * 784 }, (_, i) => (i * 7) % 256);
    for (const name of ["a-images-idx3-ubyte", "b-images-idx3-ubyte.gz"]) {
      await writeIdx(path.join(dir, name), { shape: [3, 28, 28], data });
      const { stdout } = python(["-c", `import sys; sys.path.insert(0,'training'); from idx import read_idx; a = read_idx('${path.join(dir, name)}'); print(a.shape, int(a.sum()))`]);
      expect(stdout.trim()).toBe(`(3, 28, 28) ${data.reduce((s, v) => s + v, 0)}`);
    }
    const py = path.join(dir, "c-labels-idx1-ubyte.gz");
    python(["-c", `import sys, numpy as np; sys.path.insert(0,'training'); from idx import write_idx; write_idx('${py}', np.arange(10, dtype=np.uint8))`]);
    expect(Array.from(readIdx(py).data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    writeFileSync(path.join(dir, "bad-images-idx3-ubyte"), Buffer.from([0, 0, 8, 3, 0, 0, 0, 9]));
    expect(() => readIdx(path.join(dir, "bad-images-idx3-ubyte"))).toThrow(/truncated IDX file/);
  });

  it("turns EMNIST's transposed images upright, in both readers, with the split's label mapping", async () => {
    const dir = tmp();
    const upright = letterL();
    const transposed = new Uint8Array(784);
    for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) transposed[x * 28 + y] = upright[y * 28 + x];
    for (const split of ["train", "test"]) {
      await writeIdx(path.join(dir, `emnist-letters-${split}-images-idx3-ubyte.gz`), { shape: [1, 28, 28], data: transposed });
      await writeIdx(path.join(dir, `emnist-letters-${split}-labels-idx1-ubyte.gz`), { shape: [1], data: Uint8Array.from([12]) });
    }
    // EMNIST letters: labels 1-26, each with its upper- and lower-case code
    writeFileSync(path.join(dir, "emnist-letters-mapping.txt"), Array.from({ length: 26 }, (_, i) => `${i + 1} ${65 + i} ${97 + i}`).join("\n"));
    const ts = readSplit(dir, "train");
    expect(ts.chars).toEqual(["Ll"]); // the letters split's label stands for both cases
    expect(Array.from(ts.images[0])).toEqual(Array.from(upright));
    const { stdout } = python([
      "-c",
      `import sys; sys.path.insert(0,'training'); from classsets import class_set; from data import load, to_class_set; im, ch, p = load('${dir}', 'train'); x, y = to_class_set(im, ch, class_set('letters26')); sys.stdout.write(p + ' ' + ''.join(ch) + ' ' + str(int(y[0])) + ' ' + im[0].tobytes().hex())`,
    ]);
    const [prefix, chars, label, hex] = stdout.split(" ");
    expect([prefix, chars, label]).toEqual(["emnist-letters", "Ll", "11"]);
    expect(hex).toBe(Buffer.from(upright).toString("hex"));
  });

  it("converts NIST SD19 PNG folders with the EMNIST procedure and splits by writer partition", async () => {
    const src = path.join(tmp(), "by_class");
    const glyphs: Record<string, string> = { "37": "7", "4c": "L" }; // SD19 folders are hex character codes
    for (const [hex, ch] of Object.entries(glyphs)) {
      for (const part of ["hsf_0", "hsf_4"]) {
        mkdirSync(path.join(src, hex, part), { recursive: true });
        const png = await sharp(await glyphPng(ch, { size: 128, stroke: 9 })).threshold(128).toColourspace("b-w").png().toBuffer();
        writeFileSync(path.join(src, hex, part, `${part}_00000.png`), png);
      }
    }
    const out = tmp();
    const { stdout } = python(["training/sd19.py", "--src", src, "--out", out, "--workers", "1"]);
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toMatchObject({ event: "done", train: 2, test: 2, test_partitions: ["hsf_4"] });
    const test = readSplit(out, "test");
    expect(test.prefix).toBe("nist-byclass62");
    expect(test.chars.sort()).toEqual(["7", "L"]);
    // the same conversion as the trainer's generated data: compare with convert.py run directly
    const [seven] = readSplit(out, "train").images.filter((_, i) => readSplit(out, "train").chars[i] === "7");
    const png = path.join(src, "37", "hsf_0", "hsf_0_00000.png");
    const { stdout: direct } = python([
      "-c",
      `import sys; sys.path.insert(0,'training'); from sd19 import convert_png; from pathlib import Path; sys.stdout.write(convert_png(Path('${png}')).tobytes().hex())`,
    ]);
    expect(Buffer.from(seven).toString("hex")).toBe(direct);
    expect(Math.max(...seven)).toBe(255);
  });

  it("generates the same dataset from the same seed, and another from another seed", () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    const args = ["--max-fonts", "3", "--per-font", "1", "--test-per-font", "1", "--workers", "2"];
    python(["training/generate.py", "--out", a, "--seed", "5", ...args]);
    python(["training/generate.py", "--out", b, "--seed", "5", ...args]);
    python(["training/generate.py", "--out", c, "--seed", "6", ...args]);
    const images = (d: string) => gunzipSync(readFileSync(path.join(d, "handprint-byclass62-train-images-idx3-ubyte.gz")));
    expect(images(a).equals(images(b))).toBe(true);
    expect(images(a).equals(images(c))).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(a, "manifest.json"), "utf8"));
    expect(manifest.splits.test.fonts.length).toBeGreaterThan(0);
    for (const f of manifest.splits.test.fonts) expect(manifest.splits.train.fonts).not.toContain(f);
  });

  it("runs unchanged under torchrun as two processes (DDP over gloo on CPU)", async () => {
    const data = tmp();
    const run = tmp();
    python(["training/generate.py", "--out", data, "--max-fonts", "2", "--per-font", "2", "--test-per-font", "1", "--workers", "2"]);
    const { freePort } = await import("../../lib/db/embedded");
    // --redirects/--tee: torch 1.13's launcher parses their default ("0") to None on Python 3.11 and crashes
    // (Debian's python3-torch); any explicit value works, and newer releases need neither.
    const { stdout } = python([
      "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_addr", "127.0.0.1", "--master_port", String(await freePort()),
      "--redirects", "1", "--tee", "1",
      "training/train.py", "--data", data, "--out", run, "--epochs", "1", "--threads", "1", "--no-export",
    ]);
    const events = stdout.split("\n").filter((l) => l.includes("{")).map((l) => ({ rank: l.slice(0, l.indexOf(":")), event: JSON.parse(l.slice(l.indexOf("{"))) }));
    expect(events.find((e) => e.event.event === "start")).toMatchObject({ rank: "[default0]", event: { world_size: 2 } });
    expect(events.every((e) => e.rank === "[default0]")).toBe(true); // only rank 0 reports and writes
    expect(events.some((e) => e.event.event === "done")).toBe(true);
    expect(JSON.parse(readFileSync(path.join(run, "result.json"), "utf8")).world_size).toBe(2);
  });

  it("runs the README's train and eval commands unchanged on files laid out like the official EMNIST archive", async () => {
    const generated = tmp();
    const emnist = tmp();
    const run = tmp();
    python(["training/generate.py", "--out", generated, "--max-fonts", "4", "--per-font", "3", "--test-per-font", "2", "--workers", "2"]);
    // gzip.zip as NIST publishes it: gzip/emnist-balanced-{train,test}-{images,labels}-idx?-ubyte.gz and the
    // split's mapping (label, ASCII code), images stored transposed, merged lower-case letters under upper case
    python([
      "-c",
      `import sys, json, zipfile; sys.path.insert(0, 'training')
from data import load
from idx import write_idx
spec = json.load(open('models/classsets.json'))['balanced47']
labels, merge = spec['labels'], spec['merge']
folder = '${emnist}/gzip'
for split in ('train', 'test'):
    im, ch, _ = load('${generated}', split)
    write_idx(f'{folder}/emnist-balanced-{split}-images-idx3-ubyte.gz', im.transpose(0, 2, 1))
    write_idx(f'{folder}/emnist-balanced-{split}-labels-idx1-ubyte.gz', __import__('numpy').array([labels.index(merge.get(c, c)) for c in ch], dtype='uint8'))
open(f'{folder}/emnist-balanced-mapping.txt', 'w').write(''.join(f'{i} {ord(c)}\\n' for i, c in enumerate(labels)))
with zipfile.ZipFile('${emnist}/gzip.zip', 'w') as z:
    for name in sorted(__import__('os').listdir(folder)): z.write(f'{folder}/{name}', f'gzip/{name}')`,
    ]);
    const { stdout } = python(["training/train.py", "--data", path.join(emnist, "gzip.zip"), "--source-split", "balanced", "--out", run, "--epochs", "1", "--threads", "2"]);
    const events = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ event: "start", classes: "balanced47", source: "emnist-balanced" });
    expect(await parityOf(run)).toMatchObject({ ok: true, argmaxAgreement: 1 });

    const evalRun = spawnSync(process.execPath, ["--import", "tsx", "lib/cli/eval.ts", "--model", path.join(run, "model.onnx"), "--classes", "balanced47", "--data", path.join(emnist, "gzip"), "--source-split", "balanced"], { encoding: "utf8" });
    expect(evalRun.status).toBe(0);
    expect(evalRun.stderr).toMatch(/on \d+ test images of emnist-balanced/);
    expect(evalRun.stdout).toMatch(/top-1: [\d.]+%\s+top-5: [\d.]+%/);
    expect(evalRun.stdout).toMatch(/seed15 subset/);
  });

  it("trains a tiny model on CPU, exports ONNX that onnxruntime-node loads and that agrees with PyTorch; --device cuda needs a GPU", async () => {
    const data = tmp();
    const run = tmp();
    python(["training/generate.py", "--out", data, "--max-fonts", "4", "--per-font", "3", "--test-per-font", "2", "--workers", "2"]);
    // 129 images in batches of 64: the lone last image must not reach batch norm on its own
    const { stdout } = python(["training/train.py", "--data", data, "--out", run, "--epochs", "1", "--classes", "balanced47", "--threads", "2", "--limit", "129", "--batch-size", "64"]);
    const events = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ event: "start", device: "cpu", classes: "balanced47" });
    expect(events.some((e) => e.event === "step" && typeof e.eta_s === "number")).toBe(true);
    const parity = await parityOf(run);
    expect(parity).toMatchObject({ ok: true, argmaxAgreement: 1 });
    expect(parity.maxAbsDiff).toBeLessThan(1e-4);
    const result = JSON.parse(readFileSync(path.join(run, "result.json"), "utf8"));
    expect(result.classes).toHaveLength(47);

    const model = await loadModel(path.join(run, "model.onnx"));
    const rows = await runBatch(model, [letterL(), letterL()]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveLength(47);
    expect(rows[0].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
    const scored = await evaluate(path.join(run, "model.onnx"), result.classes, "balanced47", readSplit(data, "test"));
    expect(scored.top1).toBeCloseTo(result.test.top1, 2);

    // resume: a finished run continues from its checkpoint without repeating epochs
    const again = python(["training/train.py", "--data", data, "--out", run, "--epochs", "1", "--resume", "--no-export"]);
    expect(JSON.parse(again.stdout.split("\n")[0])).toMatchObject({ event: "start", start_epoch: 1 });

    // --device cuda trains on the GPU where PyTorch has one, and otherwise stops with a reason, not a traceback
    const cudaArgs = ["training/train.py", "--data", data, "--out", tmp(), "--epochs", "1", "--limit", "64", "--device", "cuda", "--no-export"];
    if (python(["-c", "import torch; print(torch.cuda.is_available())"]).stdout.trim() === "True") {
      expect(JSON.parse(python(cudaArgs).stdout.split("\n")[0])).toMatchObject({ event: "start", device: "cuda:0" });
    } else {
      const refused = spawnSync(PYTHON, cudaArgs, { encoding: "utf8" });
      expect(refused.status).not.toBe(0);
      expect(refused.stderr.trim()).toMatch(/^--device cuda: (this PyTorch .* was built without CUDA|no CUDA GPU is visible); use --device cpu/);
    }
  });

  it("a fine-tune keeps the width and depth of the model it starts from", () => {
    const data = tmp();
    python(["training/generate.py", "--out", data, "--max-fonts", "2", "--per-font", "2", "--test-per-font", "1", "--workers", "2"]);
    const base = tmp();
    const common = ["--data", data, "--epochs", "1", "--threads", "2", "--limit", "64", "--batch-size", "32", "--no-export"];
    python(["training/train.py", ...common, "--out", base, "--width", "8", "--depth", "1"]);
    const tuned = tmp();
    python(["training/train.py", ...common, "--out", tuned, "--init", path.join(base, "weights.pt")]);
    const [first, second] = [base, tuned].map((run) => JSON.parse(readFileSync(path.join(run, "result.json"), "utf8")));
    expect(first).toMatchObject({ width: 8, depth: 1 });
    expect(second).toMatchObject({ width: 8, depth: 1, parameters: first.parameters, fine_tuned_from: path.join(base, "weights.pt") });
  });
});
