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
