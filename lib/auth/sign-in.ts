import { ApiError } from "../api-errors";
import type { Db } from "../db/client";
import type { RateLimiter } from "../ratelimit";
import { HashAlreadyWaiting, HashQueueFull } from "./password";
import { checkCredentials, createSession, type SessionUser } from "./session";

export type SignInLimiters = { perAccount: RateLimiter; perClient: RateLimiter };

/**
 * The username as the database compares it: its collation ignores case and trailing spaces, so
 * "ADMIN " is "admin" and must count against the same limit.
 */
function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * Checks both limits before any password is hashed (the hash is the expensive part), then the
 * credentials; a success opens a session. Only failed attempts count: a success, and an attempt the line of
 * password checks had no room for, give their points back.
 */
export async function signIn(
  db: Db,
  limiters: SignInLimiters,
  input: { clientKey: string; username: string; password: string },
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const username = normaliseUsername(input.username);
  if (!username) throw new ApiError("BAD_USER_INPUT", "send a username and a password");
  const accountKey = `${input.clientKey}:${username}`;
  const wait = Math.max(await limiters.perClient.take(input.clientKey), await limiters.perAccount.take(accountKey));
  if (wait) throw new ApiError("RATE_LIMITED", `too many sign-in attempts; try again in ${Math.ceil(wait / 60)} min`, { retryAfter: wait });
  const giveBack = () => Promise.all([limiters.perClient.refund(input.clientKey), limiters.perAccount.refund(accountKey)]);
  const user = await checkCredentials(db, username, input.password, input.clientKey).catch(async (err: unknown) => {
    if (!(err instanceof HashQueueFull || err instanceof HashAlreadyWaiting)) throw err;
    await giveBack();
    const why = err instanceof HashAlreadyWaiting ? "your previous sign-in is still being checked" : "too many sign-ins at once";
    throw new ApiError("RATE_LIMITED", `${why}; try again in a few seconds`, { retryAfter: 2 });
  });
  if (!user) throw new ApiError("UNAUTHENTICATED", "wrong username or password");
  await giveBack();
  return { user, ...(await createSession(db, user.id)) };
}
