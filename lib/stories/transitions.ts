import "server-only";
import type { Story, StoryStatus } from "@/db/schema";
import { checkAccessibility, type A11yProblem } from "@/lib/a11y-check";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/context";
import { formatDateTime, parseLocalDateTime } from "@/lib/dates";
import { ForbiddenError, InvalidError } from "@/lib/errors";
import { ACTION_LABELS, ruleFor, statusAfter, type StoryAction, type TransitionRule } from "./workflow";

/** A workflow step requested alongside (or instead of) an edit. */
export type TransitionRequest = {
  action: StoryAction;
  note?: string | null;
  /** datetime-local text in the site's zone, or epoch ms. */
  publishAt?: string | number | null;
  unpublishAt?: string | number | null;
  /** "Publish (or submit) anyway" despite accessibility problems. */
  a11yOverride?: boolean;
};

export type TransitionPlan = {
  rule: TransitionRule;
  patch: { status: StoryStatus; publishAt: number | null; unpublishAt: number | null; workflowNote: string | null };
  note: string | null;
  /** Problems the user chose to override, for the audit entry. */
  overridden: A11yProblem[];
};

/** The accessibility check guards every step that moves a story towards readers. */
const CHECKED: readonly StoryAction[] = ["submit", "publish", "schedule"];

function toInstant(value: string | number | null | undefined, field: string, label: string): number | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return value;
  const ms = parseLocalDateTime(value);
  if (ms === null) throw new InvalidError(`Enter the date and time ${label}.`, { [field]: `Enter a real date and time ${label}.` });
  return ms;
}

/**
 * Works out what a transition changes, or refuses it: a role without the
 * rule gets a ForbiddenError; a missing note, a date in the past or unfixed
 * accessibility problems get an InvalidError on the field concerned.
 */
export function planTransition(
  story: Story,
  body: string,
  user: Actor,
  owner: boolean,
  request: TransitionRequest,
  now: number,
): TransitionPlan {
  const rule = ruleFor(user.role, request.action, story.status, owner);
  if (!rule) {
    throw new ForbiddenError(`You cannot “${ACTION_LABELS[request.action].toLowerCase()}” this story.`);
  }
  const note = request.note?.trim() || null;
  if (rule.note === "required" && !note) {
    throw new InvalidError("Add a note so the author knows what to change.", { note: "Tell the author what to change before returning the story." });
  }

  let overridden: A11yProblem[] = [];
  if (CHECKED.includes(rule.action)) {
    const problems = checkAccessibility(body);
    if (problems.length > 0) {
      // Submitting anyway only hands the problems to the press office;
      // publishing anyway is an editor's explicit, audited decision.
      const mayOverride = rule.action === "submit" || can(user, "story.manage");
      if (!request.a11yOverride || !mayOverride) {
        const list = problems.map((p) => `• ${p.message}`).join("\n");
        throw new InvalidError(`The accessibility check found ${problems.length === 1 ? "a problem" : `${problems.length} problems`} in the article:\n${list}`, {
          a11yOverride:
            rule.action === "submit"
              ? "Fix the problems listed, or tick “Submit anyway” to let the press office help."
              : "Fix the problems listed, or tick “Publish anyway” if you have checked them.",
        });
      }
      overridden = problems;
    }
  }

  const status = statusAfter(rule, story.status);
  let publishAt = story.publishAt;
  let unpublishAt = story.unpublishAt;
  // Submitting and returning keep the note on the row for the dashboard;
  // publishing clears it (the conversation is over).
  let workflowNote = story.workflowNote;

  switch (rule.action) {
    case "submit":
    case "return":
      workflowNote = note;
      break;
    case "publish":
      // Republishing keeps the original date; a story never out yet goes out now.
      publishAt = story.publishAt !== null && story.publishAt <= now ? story.publishAt : now;
      if (unpublishAt !== null && unpublishAt <= now) unpublishAt = null;
      workflowNote = null;
      break;
    case "schedule": {
      const at = toInstant(request.publishAt, "publishAt", "to publish");
      if (at === null || at <= now) {
        throw new InvalidError("Choose a time in the future to publish.", { publishAt: "Choose a date and time in the future to publish." });
      }
      publishAt = at;
      if (unpublishAt !== null && unpublishAt <= at) unpublishAt = null;
      workflowNote = null;
      break;
    }
    case "unpublish":
      unpublishAt = null;
      workflowNote = null;
      break;
    case "schedule-unpublish": {
      const at = toInstant(request.unpublishAt, "unpublishAt", "to unpublish");
      const floor = Math.max(now, publishAt ?? now);
      if (at === null || at <= floor) {
        throw new InvalidError("Choose a time in the future to unpublish.", {
          unpublishAt: `Choose a date and time after ${formatDateTime(floor)} to unpublish.`,
        });
      }
      unpublishAt = at;
      break;
    }
  }
  return { rule, patch: { status, publishAt, unpublishAt, workflowNote }, note, overridden };
}
