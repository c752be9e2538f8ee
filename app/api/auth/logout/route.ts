import { clearedSessionCookie, destroySession, tokenFromCookieHeader } from "../../../../lib/auth/session";
import { db } from "../../../../lib/db/client";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  await destroySession(db(), tokenFromCookieHeader(request.headers.get("cookie")));
  return Response.json({ ok: true }, { headers: { "set-cookie": clearedSessionCookie() } });
}
