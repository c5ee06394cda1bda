/**
 * The story workflow as plain data: who may move a story from which status
 * to which, and who may edit it. Pure (no database), so the table itself is
 * unit-tested and the UI can ask the same questions the server enforces.
 */
import type { Role, StoryStatus } from "@/db/schema";

export const STORY_ACTIONS = ["submit", "return", "publish", "schedule", "unpublish", "schedule-unpublish"] as const;
export type StoryAction = (typeof STORY_ACTIONS)[number];

export type TransitionRule = {
  action: StoryAction;
  from: readonly StoryStatus[];
  /** "same" leaves the status as it is (a scheduled unpublish only sets a date). */
  to: StoryStatus | "same";
  /** Only the story's own author (or creator) may use this rule. */
  ownOnly: boolean;
  note: "required" | "optional" | "none";
};

const contributorRules: readonly TransitionRule[] = [
  { action: "submit", from: ["draft"], to: "in-review", ownOnly: true, note: "optional" },
];

const pressOfficeRules: readonly TransitionRule[] = [
  { action: "submit", from: ["draft"], to: "in-review", ownOnly: false, note: "optional" },
  { action: "return", from: ["in-review"], to: "draft", ownOnly: false, note: "required" },
  { action: "publish", from: ["draft", "in-review", "scheduled", "unpublished"], to: "published", ownOnly: false, note: "optional" },
  { action: "schedule", from: ["draft", "in-review", "scheduled", "unpublished"], to: "scheduled", ownOnly: false, note: "optional" },
  { action: "unpublish", from: ["published", "scheduled"], to: "unpublished", ownOnly: false, note: "optional" },
  { action: "schedule-unpublish", from: ["published", "scheduled"], to: "same", ownOnly: false, note: "none" },
];

/** The transition table per role. */
export const TRANSITIONS: Readonly<Record<Role, readonly TransitionRule[]>> = {
  contributor: contributorRules,
  editor: pressOfficeRules,
  admin: pressOfficeRules,
};

/** Which statuses a role may edit, and whether only its own stories. */
export const EDIT_RULES: Readonly<Record<Role, { statuses: readonly StoryStatus[]; ownOnly: boolean }>> = {
  // A contributor edits their own draft, which includes one returned to them;
  // once submitted it belongs to the press office until it comes back.
  contributor: { statuses: ["draft"], ownOnly: true },
  editor: { statuses: ["draft", "in-review", "scheduled", "published", "unpublished"], ownOnly: false },
  admin: { statuses: ["draft", "in-review", "scheduled", "published", "unpublished"], ownOnly: false },
};

/** Fields only the press office may set; posted by anyone else they are ignored. */
export const PRESS_OFFICE_FIELDS = ["status", "featured", "publishAt", "unpublishAt"] as const;

export function ruleFor(role: Role, action: StoryAction, from: StoryStatus, isOwner: boolean): TransitionRule | null {
  return TRANSITIONS[role].find((r) => r.action === action && r.from.includes(from) && (!r.ownOnly || isOwner)) ?? null;
}

/** May `role` move a story from `from` to `to`? (`to === from` only through a "same" rule.) */
export function canTransition(role: Role, from: StoryStatus, to: StoryStatus, isOwner: boolean): boolean {
  return TRANSITIONS[role].some(
    (r) => r.from.includes(from) && (r.to === to || (r.to === "same" && to === from)) && (!r.ownOnly || isOwner),
  );
}

export function canEdit(role: Role, status: StoryStatus, isOwner: boolean): boolean {
  const rule = EDIT_RULES[role];
  return rule.statuses.includes(status) && (!rule.ownOnly || isOwner);
}

/** The workflow buttons to offer for a story. */
export function availableActions(role: Role, status: StoryStatus, isOwner: boolean): StoryAction[] {
  return STORY_ACTIONS.filter((a) => ruleFor(role, a, status, isOwner) !== null);
}

export function statusAfter(rule: TransitionRule, from: StoryStatus): StoryStatus {
  return rule.to === "same" ? from : rule.to;
}

export const STATUS_LABELS: Readonly<Record<StoryStatus, string>> = {
  draft: "Draft",
  "in-review": "Awaiting review",
  scheduled: "Scheduled",
  published: "Published",
  unpublished: "Unpublished",
};

export const ACTION_LABELS: Readonly<Record<StoryAction, string>> = {
  submit: "Submit for review",
  return: "Return to author",
  publish: "Publish now",
  schedule: "Schedule",
  unpublish: "Unpublish",
  "schedule-unpublish": "Schedule unpublish",
};
