import { databaseIsHealthy } from "@/lib/health";
import { currentPageCache } from "@/lib/page-cache/global";

export const dynamic = "force-dynamic";

/** Liveness, the database, and the page cache's figures (entries, bytes, hits, renders) for monitoring and the benchmark. */
export async function GET() {
  const ok = await databaseIsHealthy();
  return Response.json(
    { status: ok ? "ok" : "error", db: ok ? "ok" : "error", pageCache: currentPageCache()?.stats() ?? null },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
