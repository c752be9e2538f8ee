import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "../config";

export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

// Children run in process groups of their own (so a cancel reaches the trainer's and the generator's
// worker processes too); this keeps them from outliving us if we exit without a cancel.
const running = new Set<number>();
process.once("exit", () => {
  for (const pid of running) killGroup(pid, "SIGKILL");
});

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Runs a command, streaming its stdout line by line. Aborting the signal stops the whole process group
 * (SIGTERM, then SIGKILL after 5 s) and rejects with Cancelled; a failure rejects with the last lines
 * of stderr.
 */
export function runProcess(cmd: string, args: string[], opts: { onLine: (line: string) => void; signal: AbortSignal }): Promise<void> {
  if (opts.signal.aborted) return Promise.reject(new Cancelled());
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, PYTHONUNBUFFERED: "1" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const pid = child.pid;
    if (pid) running.add(pid);
    let hardKill: NodeJS.Timeout | undefined;
    const cancel = () => {
      if (!pid) return;
      killGroup(pid, "SIGTERM");
      hardKill = setTimeout(() => killGroup(pid, "SIGKILL"), 5000);
    };
    opts.signal.addEventListener("abort", cancel, { once: true });
    let stderr = "";
    let buffered = "";
    child.stdout.on("data", (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      lines.filter(Boolean).forEach(opts.onLine);
    });
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (pid) running.delete(pid);
      clearTimeout(hardKill);
      opts.signal.removeEventListener("abort", cancel);
      if (pid) killGroup(pid, "SIGKILL"); // anything the command left behind in its group
      if (buffered) opts.onLine(buffered);
      if (opts.signal.aborted) return reject(new Cancelled());
      if (code === 0) return resolve();
      const tail = stderr.trim().split("\n").slice(-5).join(" | ");
      reject(new Error(`${path.basename(args[0] ?? cmd)} ${signal ? `was stopped (${signal})` : `exited with code ${code}`}${tail ? `: ${tail}` : ""}`));
    });
  });
}
