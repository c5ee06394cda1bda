/**
 * Human wording for audit-log codes. Pure (no database), so the page, its
 * filter and any export say the same thing. An unknown code still reads
 * tolerably ("Story: frobnicate") instead of breaking the page.
 */

export const ACTION_LABELS: Record<string, string> = {
  "story.create": "Created a story",
  "story.save": "Saved a story",
  "story.autosave": "Autosaved a story",
  "story.submit": "Submitted a story for review",
  "story.return": "Returned a story to its author",
  "story.publish": "Published a story",
  "story.schedule": "Scheduled a story",
  "story.unpublish": "Unpublished a story",
  "story.schedule-unpublish": "Scheduled a story to be unpublished",
  "story.publish.scheduled": "Published a scheduled story (automatic)",
  "story.unpublish.scheduled": "Unpublished a story at its expiry (automatic)",
  "story.restore": "Restored an earlier revision",
  "story.import": "Imported a story from a republishing snippet",
  "story.preview-link": "Made a preview link",
  "comment.submit": "Posted a comment",
  "comment.approve": "Approved a comment",
  "comment.approved": "Approved a comment",
  "comment.reject": "Rejected a comment",
  "comment.rejected": "Rejected a comment",
  "event.create": "Created an event",
  "event.update": "Edited an event",
  "event.duplicate": "Duplicated an event",
  "event.cancel": "Cancelled an event",
  "event.delete": "Deleted an event",
  "open-day.create": "Created an open day",
  "open-day.update": "Edited an open day",
  "open-day.close": "Closed an open day",
  "registration.create": "Registered for an open day",
  "registration.update": "Changed an open-day booking",
  "registration.move": "Moved an open-day booking",
  "registration.cancel": "Cancelled an open-day booking",
  "registration.export": "Exported open-day registrations",
  "registration.purge": "Deleted old registrations (retention)",
  "person.create": "Added an expert",
  "person.create-guest": "Added a guest author",
  "person.update": "Edited an expert",
  "person.update-profile": "Edited their expert profile",
  "promo.create": "Added a promo",
  "promo.update": "Edited a promo",
  "promo.delete": "Deleted a promo",
  "media.upload": "Uploaded an image",
  "media.update": "Edited an image's details",
  "story.captions": "Added captions to a video",
  "story.captions.remove": "Removed a video's captions",
  "user.create": "Added a user",
  "user.role": "Changed a user's role",
  "user.disable": "Disabled a user",
  "user.enable": "Enabled a user",
  "user.unlock": "Unlocked a user's sign-in",
  "user.reset-password": "Reset a user's password",
  "auth.sign-in": "Signed in",
  "auth.sign-in-failed": "Failed to sign in",
  "auth.sign-in-refused": "Sign-in refused",
  "auth.sign-out": "Signed out",
};

export const ENTITY_LABELS: Record<string, string> = {
  story: "Story",
  comment: "Comment",
  event: "Event",
  "open-day": "Open day",
  registration: "Registration",
  person: "Expert",
  promo: "Promo",
  media: "Image",
  user: "User",
};

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? sentence(entity.replace(/[-_]/g, " "));
}

export function actionLabel(code: string): string {
  const known = ACTION_LABELS[code];
  if (known) return known;
  const [entity = code, ...rest] = code.split(".");
  return rest.length ? `${entityLabel(entity)}: ${rest.join(" ").replace(/[-_]/g, " ")}` : sentence(code.replace(/[-_.]/g, " "));
}

/** "publishAt" → "Publish at", "openDayId" → "Open day id". */
export function detailKeyLabel(key: string): string {
  return sentence(key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[-_]/g, " ").toLowerCase());
}

/** Keys whose numbers are instants (epoch milliseconds). */
export const isTimeKey = (key: string) => key === "at" || /At$/.test(key) || /^(from|to|until|since)Time$/.test(key);
