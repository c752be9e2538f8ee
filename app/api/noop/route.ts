import { config } from "../../../lib/config";
import { MULTIPART_OVERHEAD, readBodyCapped } from "../../../lib/request-body";

export const dynamic = "force-dynamic";

/**
 * POST /api/noop, only when BENCH_NOOP_ROUTE is set: reads the body under predict's cap and answers, nothing
 * else. `npm run bench:http` measures it beside /api/predict as the framework's floor on this machine.
 */
export async function POST(request: Request) {
  const cfg = config();
  if (!cfg.BENCH_NOOP_ROUTE) return new Response(null, { status: 404 });
  const body = await readBodyCapped(request, { limit: cfg.MAX_UPLOAD_BYTES, slack: MULTIPART_OVERHEAD });
  return Response.json({ bytes: body.length }, { headers: { "cache-control": "no-store, no-transform" } });
}
