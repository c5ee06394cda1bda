import type { Role, StoryStatus } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { canEdit } from "@/lib/stories/workflow";

/**
 * Permissions as data (epic-stack's userHasPermission, Payload's access
 * functions): one table says who may do what to which row, and every page,
 * action and route asks can() rather than comparing roles itself. The
 * design's role matrix (docs/urls-and-roles.md) is this table in prose.
 * Client-safe: a pure function of the user and the row.
 */
type Who = { id: number; role: Role };

const rank: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };
export const atLeast = (user: Pick<Who, "role">, min: Role): boolean => rank[user.role] >= rank[min];

const rules = {
  /** Write a story of one's own (a draft, submitted for review). */
  "story.create": (_u: Who) => true,
  /** Change a story's text: contributors their own drafts, the press office anything. */
  "story.edit": (u: Who, story: { status: StoryStatus; isOwner: boolean }) => canEdit(u.role, story.status, story.isOwner),
  /** See and edit other people's stories, feature, publish, share preview links. */
  "story.manage": (u: Who) => atLeast(u, "editor"),
  /** Upload images, for one's own stories (contributors) or any (press office). */
  "media.upload": (u: Who, story?: { isOwner: boolean }) => atLeast(u, "editor") || story === undefined || story.isOwner,
  "media.edit": (u: Who, item: { uploadedBy: number | null }) => atLeast(u, "editor") || item.uploadedBy === u.id,
  /** The whole media library (everyone's uploads); without it a contributor's library lists only their own. */
  "media.manage": (u: Who) => atLeast(u, "editor"),
  /** An expert profile: the press office any, a contributor the one linked to their account. */
  "person.edit": (u: Who, person: { userId: number | null }) => atLeast(u, "editor") || person.userId === u.id,
  "people.manage": (u: Who) => atLeast(u, "editor"),
  "events.manage": (u: Who) => atLeast(u, "editor"),
  "open-days.manage": (u: Who) => atLeast(u, "editor"),
  "promos.manage": (u: Who) => atLeast(u, "editor"),
  "comments.moderate": (u: Who) => atLeast(u, "editor"),
  "users.manage": (u: Who) => atLeast(u, "admin"),
  "audit.read": (u: Who) => atLeast(u, "admin"),
} as const;

export type Permission = keyof typeof rules;
type RowOf<P extends Permission> = Parameters<(typeof rules)[P]>[1];
/** Permissions about an area rather than a row (no row needed). */
export type AreaPermission = { [P in Permission]: undefined extends RowOf<P> ? P : never }[Permission];
type RowArgs<P extends Permission> = undefined extends RowOf<P> ? [row?: RowOf<P>] : [row: RowOf<P>];

/** May this user do this (to this row)? */
export function can<P extends Permission>(user: Who, permission: P, ...row: RowArgs<P>): boolean {
  const rule = rules[permission] as (u: Who, row?: unknown) => boolean;
  return rule(user, row[0]);
}

/** can(), or a ForbiddenError with a message the user can act on. */
export function assertCan<P extends Permission>(user: Who, permission: P, row: RowOf<P>, message?: string): void {
  const rule = rules[permission] as (u: Who, row?: unknown) => boolean;
  if (!rule(user, row)) throw new ForbiddenError(message);
}
