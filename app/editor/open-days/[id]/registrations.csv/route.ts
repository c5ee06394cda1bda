import { AuthError, requireRole } from "@/lib/auth/guard";
import { exportRegistrationsCsv } from "@/lib/open-days/editor";
import { clientIp } from "@/lib/request";

/** CSV export of one open day's registrations: editors and admins only, and every export is audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  let user;
  try {
    user = await requireRole("editor");
  } catch (error) {
    if (error instanceof AuthError) return new Response(error.message, { status: error.status, headers: { "Cache-Control": "no-store" } });
    throw error;
  }
  const id = Number((await params).id);
  const result = Number.isInteger(id) && id > 0 ? exportRegistrationsCsv(user, id, await clientIp()) : null;
  if (!result) return new Response("Not found", { status: 404 });
  return new Response(result.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
