import { startServerAndCreateNextHandler } from "@as-integrations/next";
import type { NextRequest } from "next/server";
import type { Context } from "../../../graphql/context";
import { createApolloServer } from "../../../graphql/server";
import { config } from "../../../lib/config";
import { db } from "../../../lib/db/client";
import { sessionUser, tokenFromCookieHeader } from "../../../lib/auth/session";
import { clientKey } from "../../../lib/ratelimit";
import { activeModel, predictDeps, predictLimiter } from "../../../lib/runtime";

export const dynamic = "force-dynamic";

const handler = startServerAndCreateNextHandler<NextRequest, Context>(createApolloServer({ maxDepth: config().GRAPHQL_MAX_DEPTH }), {
  context: async (req) => ({
    db: db(),
    activeModel: activeModel(),
    predict: predictDeps(),
    predictLimiter: predictLimiter(),
    clientKey: clientKey(req.headers),
    user: await sessionUser(db(), tokenFromCookieHeader(req.headers.get("cookie"))),
    retrainAfter: config().RETRAIN_AFTER,
  }),
});

export async function GET(request: NextRequest) {
  return handler(request);
}

export async function POST(request: NextRequest) {
  return handler(request);
}
