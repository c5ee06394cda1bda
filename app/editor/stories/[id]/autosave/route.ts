import { NextResponse } from "next/server";
import { AuthError, requireRole } from "@/lib/auth/guard";
import { fieldErrors, FormError, formValues } from "@/lib/form";
import { clientIp } from "@/lib/request";
import { saveStory, StaleEditError } from "@/lib/stories/editor";
import { storySchema } from "@/lib/validation/story";

const noStore = { "Cache-Control": "private, no-store" };

function json(body: unknown, status: number) {
  return NextResponse.json(body, { status, headers: noStore });
}

/**
 * Autosave for the story form (fetch keepalive / sendBeacon when the tab is
 * hidden or closed, and every 30 s). A route handler rather than a server
 * action because sendBeacon needs a plain URL; it checks the session and
 * the origin itself, since Next's action CSRF check does not cover it.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  if (origin && (!URL.canParse(origin) || new URL(origin).host !== host)) {
    return json({ message: "Cross-site request refused." }, 403);
  }
  let user;
  try {
    user = await requireRole("contributor");
  } catch (error) {
    if (error instanceof AuthError) return json({ message: error.message }, error.status);
    throw error;
  }
  const { id } = await params;
  const values = { ...formValues(await request.formData()), id };
  const parsed = storySchema.safeParse(values);
  if (!parsed.success) {
    return json({ message: "Not saved automatically yet: please check the fields marked in the form.", errors: fieldErrors(parsed.error) }, 422);
  }
  try {
    const saved = await saveStory(parsed.data, user, { reason: "autosave", ip: await clientIp() });
    return json({ version: saved.version, savedAt: Date.now() }, 200);
  } catch (error) {
    if (error instanceof StaleEditError) return json({ message: error.message, version: error.current.version }, 409);
    if (error instanceof AuthError) return json({ message: error.message }, error.status);
    if (error instanceof FormError) return json({ message: error.message, errors: error.errors }, 422);
    throw error;
  }
}
