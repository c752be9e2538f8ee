/** One readable line from any error (Prisma's messages start with a blank line and a code excerpt). */
export function errorSummary(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const driver = message.match(/Message: `([^`]*)`/);
  if (driver) return driver[1].replace(/\s+/g, " ").trim();
  return message.split("\n").map((l) => l.trim()).find(Boolean) ?? "unknown error";
}
