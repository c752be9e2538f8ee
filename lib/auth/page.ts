import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "../db/client";
import { SESSION_COOKIE, sessionUser, type SessionUser } from "./session";

/** For admin pages: the signed-in admin, or a redirect to the sign-in page (which comes back here). */
export async function adminPageUser(from: string): Promise<SessionUser | { forbidden: true; username: string }> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const user = await sessionUser(db(), token);
  if (!user) redirect(`/admin/login?next=${encodeURIComponent(from)}`);
  if (user.role !== "admin") return { forbidden: true, username: user.username };
  return user;
}
