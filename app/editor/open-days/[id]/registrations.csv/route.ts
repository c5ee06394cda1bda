import { requireRole } from "@/lib/auth/guard";
import { errorResponse, NotFoundError } from "@/lib/errors";
import { exportRegistrationsCsv } from "@/lib/open-days/editor";
import { clientIp } from "@/lib/request";

/** CSV export of one open day's registrations: editors and admins only, and every export is audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireRole("editor");
    const id = Number((await params).id);
    if (!Number.isInteger(id) || id <= 0) throw new NotFoundError("That open day could not be found.");
    const { csv, fileName } = await exportRegistrationsCsv({ id }, { user, ip: await clientIp() });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
