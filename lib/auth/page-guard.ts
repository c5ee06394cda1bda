import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { can, type AreaPermission } from "./permissions";
import { hasRole } from "./guard";
import { currentSessionUser, type SessionUser } from "./session";

/**
 * THE page guard, for editor pages (layouts are not re-run on every client
 * navigation, so each page checks for itself). Signed out → /login; too
 * junior → the editor's not-found page, which does not confirm the page
 * exists. Actions and route handlers use requireRole (lib/auth/guard.ts).
 */
export async function requirePageUser(min: Role = "contributor"): Promise<SessionUser> {
  const user = await currentSessionUser();
  if (!user) redirect("/login");
  if (!hasRole(user, min)) notFound();
  return user;
}

/**
 * For an area a signed-in user may see exists but not use (events, open
 * days): the user and whether the permission allows them in, so the page can
 * say why (components/not-allowed.tsx) instead of pretending it is missing.
 */
export async function pageAccess(permission: AreaPermission): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await requirePageUser();
  return { user, allowed: can(user, permission) };
}
