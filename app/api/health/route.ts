import { db } from "../../../lib/db/client";
import { checkHealth } from "../../../lib/health";
import { activeModel } from "../../../lib/runtime";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(db(), activeModel());
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
