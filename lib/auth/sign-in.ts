import { ApiError } from "../api-errors";
import type { Db } from "../db/client";
import type { RateLimiter } from "../ratelimit";
import { HashQueueFull } from "./password";
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
 * credentials; a success opens a session.
 */
export async function signIn(
  db: Db,
  limiters: SignInLimiters,
  input: { clientKey: string; username: string; password: string },
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const username = normaliseUsername(input.username);
  if (!username) throw new ApiError("BAD_USER_INPUT", "send a username and a password");
  const wait = Math.max(await limiters.perClient.take(input.clientKey), await limiters.perAccount.take(`${input.clientKey}:${username}`));
  if (wait) throw new ApiError("RATE_LIMITED", `too many sign-in attempts; try again in ${Math.ceil(wait / 60)} min`, { retryAfter: wait });
  const user = await checkCredentials(db, username, input.password).catch((err: unknown) => {
    if (err instanceof HashQueueFull) throw new ApiError("RATE_LIMITED", "too many sign-ins at once; try again in a few seconds", { retryAfter: 2 });
    throw err;
  });
  if (!user) throw new ApiError("UNAUTHENTICATED", "wrong username or password");
  return { user, ...(await createSession(db, user.id)) };
}
