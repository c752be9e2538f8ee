import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { verifyPassword } from "./password";

export const SESSION_COOKIE = "hp_session";
const SESSION_DAYS = 7;

export type SessionUser = { id: number; username: string; role: "admin" | "viewer" };

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** Checks a username and password; the same answer and about the same time whether the user exists or not. */
export async function checkCredentials(db: Db, username: string, password: string, client?: string): Promise<SessionUser | undefined> {
  const user = await db.user.findUnique({ where: { username } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH, client);
  return user && ok ? { id: user.id, username: user.username, role: user.role } : undefined;
}

// A real scrypt hash of a random password, so unknown usernames cost the same work as known ones.
const DUMMY_HASH = "scrypt$32768$8$1$sWqL2mdRVe_7uyXI6-8ldw$DkgxLcg24dL9gPtJqWhBx8lgsbwl31NZpWbx0QIdJfU";

/** A new session: the random token goes into the cookie, only its sha256 into the database. */
export async function createSession(db: Db, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.session.create({ data: { id: digest(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function sessionUser(db: Db, token: string | undefined): Promise<SessionUser | undefined> {
  if (!token) return undefined;
  const session = await db.session.findUnique({ where: { id: digest(token) }, include: { user: true } });
  if (!session) return undefined;
  if (session.expiresAt < new Date()) {
    await db.session.delete({ where: { id: session.id } }).catch(() => undefined);
    return undefined;
  }
  return { id: session.user.id, username: session.user.username, role: session.user.role };
}

export async function destroySession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.session.deleteMany({ where: { id: digest(token) } });
}

/** The session token from a Cookie header; a malformed one (`hp_session=%`) is no session, not an error. */
export function tokenFromCookieHeader(header: string | null): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join("=")) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`, ...(secure ? ["Secure"] : [])].join("; ");
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}
