import { startServerAndCreateNextHandler } from "@as-integrations/next";
import { NextRequest } from "next/server";
import { requestMemo, type Context } from "../../../graphql/context";
import { createApolloServer } from "../../../graphql/server";
import { HTTP_STATUS, toApiError, type ApiErrorCode } from "../../../lib/api-errors";
import { config } from "../../../lib/config";
import { db } from "../../../lib/db/client";
import { sessionUser, tokenFromCookieHeader } from "../../../lib/auth/session";
import { clientKey } from "../../../lib/ratelimit";
import { readBodyCapped } from "../../../lib/request-body";
import { activeModel, feedbackLimiters, predictDeps, readDeps, predictLimiter } from "../../../lib/runtime";

export const dynamic = "force-dynamic";

const handler = startServerAndCreateNextHandler<NextRequest, Context>(createApolloServer({ maxDepth: config().GRAPHQL_MAX_DEPTH, maxCost: config().GRAPHQL_MAX_COST }), {
  context: async (req) => ({
    db: db(),
    activeModel: activeModel(),
    predict: predictDeps(),
    read: readDeps(),
    predictLimiter: predictLimiter(),
    feedbackLimiters: feedbackLimiters(),
    clientKey: clientKey(req.headers),
    user: await sessionUser(db(), tokenFromCookieHeader(req.headers.get("cookie"))),
    retrainAfter: config().RETRAIN_AFTER,
    once: requestMemo(),
  }),
});

export async function GET(request: NextRequest) {
  return handler(request);
}

/** A predict image arrives as base64 (4/3 of its bytes) inside JSON; anything much larger is refused unread. */
const requestLimit = () => Math.ceil((config().MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024;

const refusal = (code: ApiErrorCode, message: string) => Response.json({ errors: [{ message, extensions: { code } }] }, { status: HTTP_STATUS[code] });

export async function POST(request: NextRequest) {
  let body: Buffer;
  try {
    body = await readBodyCapped(request, { limit: requestLimit(), what: "the GraphQL request" });
  } catch (err) {
    const e = toApiError(err);
    return refusal(e.code, e.message);
  }
  try {
    return await handler(new NextRequest(request.url, { method: "POST", headers: request.headers, body: body as Uint8Array<ArrayBuffer> }));
  } catch (err) {
    // The Next.js integration's JSON.parse of the body throws out of the handler (an empty 500); it is the caller's mistake.
    if (!(err instanceof SyntaxError)) throw err;
    return refusal("BAD_USER_INPUT", body.length ? "the request body is not valid JSON" : "the request body is empty: send a JSON object with a query");
  }
}
