import { z } from "zod";
import { ApiError, errorResponse, toApiError } from "../../../../lib/api-errors";
import { sessionCookie } from "../../../../lib/auth/session";
import { signIn } from "../../../../lib/auth/sign-in";
import { db } from "../../../../lib/db/client";
import { clientKey } from "../../../../lib/ratelimit";
import { readBodyCapped } from "../../../../lib/request-body";
import { loginLimiters } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const body = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) });

/** POST /api/auth/login {username, password} (JSON only, which also keeps cross-site forms out). */
export async function POST(request: Request) {
  try {
    if (!request.headers.get("content-type")?.startsWith("application/json")) throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "send JSON: {\"username\": ..., \"password\": ...}");
    const raw = await readBodyCapped(request, { limit: 16 * 1024, what: "the sign-in request" });
    const parsed = body.safeParse(parseJson(raw.toString("utf8")));
    if (!parsed.success) throw new ApiError("BAD_USER_INPUT", "send a username and a password");
    const { user, token, expiresAt } = await signIn(db(), loginLimiters(), { clientKey: clientKey(request.headers), ...parsed.data });
    const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
    return Response.json({ username: user.username, role: user.role }, { headers: { "set-cookie": sessionCookie(token, expiresAt, secure) } });
  } catch (err) {
    const e = toApiError(err);
    return errorResponse(e, e.extra.retryAfter ? { "retry-after": String(e.extra.retryAfter) } : {});
  }
}
