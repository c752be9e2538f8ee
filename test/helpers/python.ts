import { spawnSync } from "node:child_process";

export const PYTHON = process.env.PYTHON ?? "/usr/bin/python3";

/** Runs Python from the project root; fails the test with Python's own output when it fails. */
export function python(args: string[], input?: Buffer | string): { stdout: string; stderr: string } {
  const res = spawnSync(PYTHON, args, { input, encoding: "utf8", env: { ...process.env, PYTHONUNBUFFERED: "1" }, maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`${PYTHON} ${args.join(" ")} exited ${res.status}:\n${res.stdout}\n${res.stderr}`);
  return { stdout: res.stdout, stderr: res.stderr };
}
