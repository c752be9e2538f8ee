import { db } from "../../../lib/db/client";
import { checkHealth } from "../../../lib/health";
import { activeModel, imagePool } from "../../../lib/runtime";

export const dynamic = "force-dynamic";

/** Also starts the image pool's workers: `npm start` and the tests call this as soon as the server listens. */
export async function GET() {
  const health = await checkHealth(db(), activeModel(), imagePool());
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
