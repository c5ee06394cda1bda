import { STORY_TYPES, type StoryType } from "@/db/schema";

/** The vocabularies pages and components may list (they never import db/ themselves). */
export { STORY_STATUSES, STORY_TYPES, type StoryStatus, type StoryType } from "@/db/schema";

/** How each story type is named on the page ("type label") and in filters. */
export const STORY_TYPE_LABELS: Record<StoryType, string> = {
  "news-release": "News release",
  feature: "Feature",
  "expert-comment": "Expert comment",
  video: "Video",
  audio: "Audio",
};

/** Plural headings for filtered lists ("Expert comment", "Features"). */
export const STORY_TYPE_PLURALS: Record<StoryType, string> = {
  "news-release": "News releases",
  feature: "Features",
  "expert-comment": "Expert comment",
  video: "Videos",
  audio: "Audio",
};

export function isStoryType(value: unknown): value is StoryType {
  return typeof value === "string" && (STORY_TYPES as readonly string[]).includes(value);
}
