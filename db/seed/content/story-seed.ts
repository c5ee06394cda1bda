import type { StoryType } from "@/db/schema";

/** One hand-written demo story; the body is assembled from it by ../bodies.ts. */
export type StorySeed = {
  type: StoryType;
  title: string;
  standfirst: string;
  /** The story's own opening paragraph: what makes it different from others on the subject. */
  lead: string;
  subject: string;
  tags: string[];
  /** Expert slugs, in byline order. */
  authors: string[];
  syndication?: { source: string; url: string };
  /** Non-public states for the editor to see; default published. */
  status?: "draft" | "in-review" | "scheduled";
  /** For scheduled stories: days after `now`. */
  publishInDays?: number;
  workflowNote?: string;
  /** Which demo account created it; default the editor (or the contributor for their own expert's work). */
  createdBy?: "contributor" | "editor";
};
