/** Whether a piscina task failed because its worker thread ended (crashed, was terminated) rather than by its own error. */
export function workerEnded(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /worker exited|Terminating worker/.test(message);
}
