import { startServerAndCreateNextHandler } from "@as-integrations/next";
import type { NextRequest } from "next/server";
import type { Context } from "../../../graphql/context";
import { createApolloServer } from "../../../graphql/server";
import { db } from "../../../lib/db/client";
import { activeModel } from "../../../lib/runtime";

export const dynamic = "force-dynamic";

const handler = startServerAndCreateNextHandler<NextRequest, Context>(createApolloServer(), {
  context: async () => ({ db: db(), activeModel: activeModel() }),
});

export async function GET(request: NextRequest) {
  return handler(request);
}

export async function POST(request: NextRequest) {
  return handler(request);
}
