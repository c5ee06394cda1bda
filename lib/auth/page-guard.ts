import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { hasRole } from "./guard";
import { currentSessionUser, type SessionUser } from "./session";

/**
 * For editor pages (layouts are not re-run on every client navigation, so
 * each page checks for itself). Signed out → /login; too junior → the
 * editor's not-found page, which does not confirm the page exists.
 */
export async function requirePageUser(min: Role): Promise<SessionUser> {
  const user = await currentSessionUser();
  if (!user) redirect("/login");
  if (!hasRole(user, min)) notFound();
  return user;
}
