import { databaseIsHealthy } from "@/lib/health";

export const dynamic = "force-dynamic";

export function GET() {
  const ok = databaseIsHealthy();
  return Response.json(
    { status: ok ? "ok" : "error", db: ok ? "ok" : "error" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
