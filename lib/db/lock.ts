import { ApiError } from "../api-errors";
import type { Prisma } from "./generated/client";

/**
 * Runs `fn` holding a MariaDB named lock (GET_LOCK), so a check and a write are atomic across servers.
 * GET_LOCK answers 1 when it got the lock, 0 when it timed out and NULL on an error; only 1 goes ahead.
 */
export async function withNamedLock<T>(tx: Prisma.TransactionClient, name: string, fn: () => Promise<T>, timeoutS = 10): Promise<T> {
  const [{ got }] = await tx.$queryRawUnsafe<{ got: number | bigint | null }[]>("SELECT GET_LOCK(?, ?) AS got", name, timeoutS);
  if (got === null || Number(got) !== 1) throw new ApiError("UNAVAILABLE", "another server holds the training queue's lock; try again shortly");
  try {
    return await fn();
  } finally {
    await tx.$queryRawUnsafe("SELECT RELEASE_LOCK(?)", name);
  }
}
