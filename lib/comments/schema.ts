/**
 * The public comment form's rules and messages, shared by the server action,
 * lib/comments.ts and the tests.
 */
import { z } from "zod";

export const COMMENT_LIMITS = { name: 80, body: 4000 } as const;

export const commentSchema = z.object({
  storyId: z.coerce.number({ error: "This story cannot take comments." }).int("This story cannot take comments.").positive("This story cannot take comments."),
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(COMMENT_LIMITS.name, `Your name must be ${COMMENT_LIMITS.name} characters or fewer.`),
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "Your email address must be 254 characters or fewer.")
    .pipe(z.email("Enter an email address in the right format, like name@example.com.")),
  body: z
    .string({ error: "Enter your comment." })
    .trim()
    .min(1, "Enter your comment.")
    .min(2, "Your comment must be at least 2 characters.")
    .max(COMMENT_LIMITS.body, "Your comment must be 4,000 characters or fewer."),
  /** Honeypot: hidden from people and assistive technology; only bots fill it in. */
  website: z.literal("", { error: "Leave this field empty." }).default(""),
});
export type CommentInput = z.infer<typeof commentSchema>;

/** Shown after a successful submission (and, so a bot learns nothing, after a honeypot hit). */
export const COMMENT_THANKS = "Thank you. Your comment will appear once a moderator has approved it.";

/** Editor form for moderating reader comments. */

const ids = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.coerce.number({ error: "Choose comments from the list." }).int("Choose comments from the list.").positive("Choose comments from the list."))
    .min(1, "Tick at least one comment.")
    .max(500, "Choose at most 500 comments at a time."),
);

/**
 * The bulk buttons post decision=approve|reject with the ticked commentIds;
 * a row's own button posts decision=approve:<id> and acts on that comment only.
 */
export const moderateCommentsSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const r = raw as Record<string, unknown>;
    const m = typeof r.decision === "string" ? /^(approve|reject):(\d+)$/.exec(r.decision) : null;
    return m ? { ...r, decision: m[1], commentIds: m[2] } : r;
  },
  z.object({
    commentIds: ids,
    decision: z.enum(["approve", "reject"], { error: "Choose approve or reject." }),
  }),
);
export type ModerateCommentsInput = z.infer<typeof moderateCommentsSchema>;
