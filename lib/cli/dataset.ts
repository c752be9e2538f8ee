// npm run dataset:<command> -- [options]
//   generate  [--out data/generated] [--seed 1] [...]  the generated handwriting set (training/generate.py)
//   download  [--out data/emnist] [--sha256 HEX]        the official EMNIST archive, resumable
//   import    --data DIR [--source-split NAME] [--class-set NAME]   IDX files -> Sample rows
//   export    --out DIR [--class-set balanced47]        approved samples -> IDX files for the trainer
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { config } from "../config";
import { createDb } from "../db/client";
import { download, EMNIST_URL } from "../datasets/download";
import { exportDataset } from "../datasets/export";
import { importDataset } from "../datasets/import";
import { openDatabase } from "./database";

const say = (line: string) => process.stderr.write(`${line}\n`);
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

function bar(fraction: number, width = 30): string {
  const filled = Math.round(fraction * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(fraction * 100).toFixed(1)}%`;
}

async function withDb<T>(fn: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const database = await openDatabase(config(), say);
  const db = createDb(database.url);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case "generate": {
      const script = path.join("training", "generate.py");
      const args = rest.includes("--out") ? rest : ["--out", "data/generated", ...rest];
      const res = spawnSync(config().PYTHON, [script, ...args], { stdio: "inherit" });
      if (res.error) throw new Error(`cannot run ${config().PYTHON} (${res.error.message}); set PYTHON to an interpreter with numpy, scipy and Pillow`);
      process.exitCode = res.status ?? 1;
      return;
    }
    case "download": {
      const { values } = parseArgs({ args: rest, options: { out: { type: "string", default: "data/emnist" }, url: { type: "string", default: EMNIST_URL }, sha256: { type: "string" } } });
      const dest = path.join(values.out!, "gzip.zip");
      say(`downloading ${values.url} to ${dest}`);
      try {
        const digest = await download(values.url!, dest, {
          sha256: values.sha256,
          onProgress: (p) => process.stderr.write(`\r${p.total ? bar(p.received / p.total) : ""} ${mb(p.received)} at ${mb(p.bytesPerSecond)}/s   `),
        });
        say(`\ndone: ${dest} (sha256 ${digest})`);
        say(`train on it with: /usr/bin/python3 training/train.py --data ${dest} --source-split balanced --out data/runs/emnist`);
      } catch (err) {
        say(`\ncould not download EMNIST: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`);
        say("This machine cannot reach the EMNIST server. On a machine that can, download");
        say(`  ${values.url}`);
        say(`copy it to ${dest} and run this command again (it checks the file; an interrupted download resumes from ${dest}.part); or unzip it and point --data at the folder of emnist-*.gz files.`);
        process.exitCode = 1;
      }
      return;
    }
    case "import": {
      const { values } = parseArgs({ args: rest, options: { data: { type: "string" }, "source-split": { type: "string" }, "class-set": { type: "string" } } });
      if (!values.data) throw new Error("usage: npm run dataset:import -- --data <IDX folder> [--source-split NAME] [--class-set NAME]");
      const res = await withDb((db) =>
        importDataset(db, {
          dir: values.data!,
          sourceSplit: values["source-split"],
          classSet: values["class-set"],
          onProgress: (p) => process.stderr.write(`\r${p.split} ${bar(p.done / p.total)} ${p.done}/${p.total}, ${p.inserted} new, ETA ${p.etaS}s   `),
        }),
      );
      say(`\nimported ${res.inserted} new samples (${res.skipped} were already there) of ${res.total}`);
      return;
    }
    case "export": {
      const { values } = parseArgs({ args: rest, options: { out: { type: "string" }, "class-set": { type: "string", default: "balanced47" } } });
      if (!values.out) throw new Error("usage: npm run dataset:export -- --out <folder> [--class-set balanced47]");
      const res = await withDb((db) => exportDataset(db, { classSet: values["class-set"]!, out: values.out!, onProgress: (n) => process.stderr.write(`\rexported ${n} samples`) }));
      say(`\n${res.prefix}: train ${res.counts.train.base} base + ${res.counts.train.user} user, test ${res.counts.test.base} base + ${res.counts.test.user} user; ${res.skipped} outside the class set`);
      return;
    }
    default:
      throw new Error("usage: dataset <generate|download|import|export> [options]");
  }
}

main().catch((err) => {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
