// Latency and CPU statistics for the benchmarks and the model card's inference time, and the timings answers report.
import { readFileSync } from "node:fs";

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summary(times: number[]): { n: number; p50: number; p99: number; mean: number } {
  const s = [...times].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { n: s.length, p50: round(percentile(s, 50)), p99: round(percentile(s, 99)), mean: round(s.reduce((a, b) => a + b, 0) / s.length) };
}

export const now = () => Number(process.hrtime.bigint()) / 1e6;

/** CPU time (user + system, all threads) a process has used so far, in ms; Linux /proc, 100 ticks a second. */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time this process has used so far, in ms. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Milliseconds since `start` (a performance.now() reading), to 0.01 ms: the timings an answer reports. */
export const msSince = (start: number) => Math.round((performance.now() - start) * 100) / 100;
