import { requireRole } from "@/lib/auth/guard";
import { fieldErrors, formValues } from "@/lib/action";
import { config } from "@/lib/config";
import { errorResponse } from "@/lib/errors";
import { isCrossSite } from "@/lib/http/links";
import { clientIpOf } from "@/lib/request";
import { saveStory } from "@/lib/stories/editor";
import { storySchema } from "@/lib/stories/schema";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * Autosave for the story form (fetch keepalive / sendBeacon when the tab is
 * hidden or closed, and every 30 s). A route handler rather than a server
 * action because sendBeacon needs a plain URL; it checks the session and
 * the origin (SITE_URL's, never the Host headers) itself, since Next's
 * action CSRF check does not cover it.
 * Refusals come back as errorResponse() makes them: 401/403 auth, 409 a
 * newer version (with its `version`), 422 fields or a story not to be
 * autosaved.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (isCrossSite(request.headers.get("origin"), config().siteUrl)) {
    return Response.json({ message: "Cross-site request refused." }, { status: 403, headers: noStore });
  }
  try {
    const user = await requireRole("contributor");
    const { id } = await params;
    const values = { ...formValues(await request.formData()), id };
    const parsed = storySchema.safeParse(values);
    if (!parsed.success) {
      return Response.json(
        { message: "Not saved automatically yet: please check the fields marked in the form.", errors: fieldErrors(parsed.error) },
        { status: 422, headers: noStore },
      );
    }
    const saved = await saveStory({ ...parsed.data, reason: "autosave" }, { user, ip: clientIpOf(request.headers) });
    return Response.json({ version: saved.version, savedAt: Date.now() }, { status: 200, headers: noStore });
  } catch (error) {
    return errorResponse(error, noStore);
  }
}
