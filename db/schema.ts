/**
 * The whole data model. Every instant is stored as epoch milliseconds
 * (integer) so values stay plain numbers through Next's data cache, which
 * serialises to JSON and would turn Date objects into strings.
 */
import { relations, sql } from "drizzle-orm";
import { index, integer, now, primaryKey, table, text, uniqueIndex } from "./columns";

export const ROLES = ["admin", "editor", "contributor"] as const;
export type Role = (typeof ROLES)[number];

export const STORY_TYPES = ["news-release", "feature", "expert-comment", "video", "audio"] as const;
export type StoryType = (typeof STORY_TYPES)[number];

export const STORY_STATUSES = ["draft", "in-review", "scheduled", "published", "unpublished"] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const TOPIC_KINDS = ["faculty", "subject", "tag"] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export const LEVELS = ["undergraduate", "postgraduate"] as const;
export type Level = (typeof LEVELS)[number];

export const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A chosen session's place: a session can be full while the day still has room. */
export const SESSION_PLACE_STATUSES = ["confirmed", "waitlisted"] as const;
export type SessionPlaceStatus = (typeof SESSION_PLACE_STATUSES)[number];

export const COMMENT_STATUSES = ["pending", "approved", "rejected"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const EVENT_STATUSES = ["draft", "published", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const OPEN_DAY_STATUSES = ["draft", "open", "closed", "cancelled"] as const;
export type OpenDayStatus = (typeof OPEN_DAY_STATUSES)[number];

export const PROMO_SLOTS = ["open-days", "research", "newspaper", "student-life"] as const;
export type PromoSlot = (typeof PROMO_SLOTS)[number];

// ─── users ──────────────────────────────────────────────────────────────────

export const users = table(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    passwordHash: text("password_hash").notNull(),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    /** Bumped on role change, disabling or password change: older sessions stop working. */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Failed and successful sign-in attempts; the throttle counts failures here so a restart does not reset it. */
export const loginAttempts = table(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    success: integer("success", { mode: "boolean" }).notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("login_attempts_email_at").on(t.email, t.at), index("login_attempts_ip_at").on(t.ip, t.at)],
);

/** Sessions revoked by sign-out: a replayed cookie whose id is listed here is refused. */
export const revokedSessions = table("revoked_sessions", {
  jti: text("jti").primaryKey(),
  expiresAt: integer("expires_at").notNull(),
});

// ─── people (expert profiles) ───────────────────────────────────────────────

export const people = table(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    jobTitle: text("job_title").notNull().default(""),
    department: text("department").notNull().default(""),
    institution: text("institution").notNull().default(""),
    bio: text("bio").notNull().default(""),
    /** JSON array of strings. */
    expertise: text("expertise", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    photoUrl: text("photo_url"),
    availableForMedia: integer("available_for_media", { mode: "boolean" }).notNull().default(false),
    mediaEmail: text("media_email"),
    /** Guest experts (e.g. imported from another outlet) have no account. */
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    isGuest: integer("is_guest", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("people_slug_unique").on(t.slug),
    index("people_user").on(t.userId),
    index("people_name").on(t.name),
  ],
);
export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;

// ─── topics ─────────────────────────────────────────────────────────────────

export const topics = table(
  "topics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: TOPIC_KINDS }).notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [uniqueIndex("topics_slug_unique").on(t.slug)],
);
export type Topic = typeof topics.$inferSelect;
export type NewTopic = typeof topics.$inferInsert;

// ─── media ──────────────────────────────────────────────────────────────────

export const media = table(
  "media",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Server-generated file name under the uploads folder (or a /public path for seeded art). */
    fileName: text("file_name").notNull(),
    url: text("url").notNull(),
    mimeType: text("mime_type").notNull(),
    bytes: integer("bytes").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    altText: text("alt_text").notNull(),
    caption: text("caption").notNull().default(""),
    credit: text("credit").notNull().default(""),
    licence: text("licence").notNull().default(""),
    rightsExpireAt: integer("rights_expire_at"),
    /** JSON: { width, url }[] of resized WebP variants. */
    variants: text("variants", { mode: "json" }).$type<{ width: number; url: string }[]>().notNull().default(sql`'[]'`),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("media_uploaded_by").on(t.uploadedBy), index("media_created").on(t.createdAt)],
);
export type Media = typeof media.$inferSelect;
export type NewMedia = typeof media.$inferInsert;

// ─── stories ────────────────────────────────────────────────────────────────

export const stories = table(
  "stories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type", { enum: STORY_TYPES }).notNull(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    standfirst: text("standfirst").notNull().default(""),
    body: text("body").notNull().default(""),
    /** The body as plain text (db/search-text.ts), written with the body; the full-text index reads this, not the Markdown. */
    bodyText: text("body_text").notNull().default(""),
    heroImageId: integer("hero_image_id").references(() => media.id, { onDelete: "set null" }),
    status: text("status", { enum: STORY_STATUSES }).notNull().default("draft"),
    /** When the story becomes (or became) public. Public queries require status published|scheduled AND publishAt <= now. */
    publishAt: integer("publish_at"),
    /** Scheduled unpublish (expiry). */
    unpublishAt: integer("unpublish_at"),
    featured: integer("featured", { mode: "boolean" }).notNull().default(false),
    syndicationSource: text("syndication_source"),
    syndicationUrl: text("syndication_url"),
    syndicationLicence: text("syndication_licence"),
    /** The original outlet's counter (tracking pixel) URL, which its republishing terms require us to render as a 1×1 image. */
    syndicationCounterUrl: text("syndication_counter_url"),
    mediaUrl: text("media_url"),
    /** WebVTT captions for a video story, uploaded by an editor (/uploads/<server-made name>.vtt); rendered as the player's English track. */
    captionsUrl: text("captions_url"),
    transcript: text("transcript"),
    seoDescription: text("seo_description"),
    /** Licence under which others may republish our own story. */
    republishLicence: text("republish_licence").notNull().default("CC BY-ND 4.0"),
    commentsEnabled: integer("comments_enabled", { mode: "boolean" }).notNull().default(true),
    /** Optimistic concurrency: every save must name the version it was based on. */
    version: integer("version").notNull().default(1),
    /** Note attached to the last workflow transition (submit / return). */
    workflowNote: text("workflow_note"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("stories_slug_unique").on(t.slug),
    // Public lists filter on status + publish/unpublish times and sort by publish time: publish_at
    // leads so one index serves the range, the order and (covering) the count, with no sort step.
    index("stories_public").on(t.publishAt, t.status, t.unpublishAt),
    index("stories_type_public").on(t.type, t.publishAt, t.status, t.unpublishAt),
    index("stories_featured").on(t.featured, t.publishAt, t.status, t.unpublishAt),
    index("stories_created_by").on(t.createdBy, t.status),
    // The scheduler checks every second for stories due to publish or expire (lib/stories/schedule.ts):
    // few rows are scheduled or carry an expiry, so these keep that check to a handful of index entries.
    index("stories_status_publish").on(t.status, t.publishAt),
    index("stories_unpublish").on(t.unpublishAt),
  ],
);
export type Story = typeof stories.$inferSelect;
export type NewStory = typeof stories.$inferInsert;

export const storyAuthors = table(
  "story_authors",
  {
    storyId: integer("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
    personId: integer("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.personId] }), index("story_authors_person").on(t.personId, t.storyId)],
);

export const storyTopics = table(
  "story_topics",
  {
    storyId: integer("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
    topicId: integer("topic_id").notNull().references(() => topics.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.topicId] }), index("story_topics_topic").on(t.topicId, t.storyId)],
);

export type StorySnapshot = Omit<Story, "id" | "createdAt" | "createdBy"> & {
  authorIds: number[];
  topicIds: number[];
};

export const storyRevisions = table(
  "story_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: integer("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<StorySnapshot>().notNull(),
    /** e.g. "save", "autosave", "submit", "publish", "restore of revision 12". */
    reason: text("reason").notNull().default("save"),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("story_revisions_story").on(t.storyId, t.id)],
);
export type StoryRevision = typeof storyRevisions.$inferSelect;

export const slugRedirects = table(
  "slug_redirects",
  {
    oldSlug: text("old_slug").primaryKey(),
    storyId: integer("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("slug_redirects_story").on(t.storyId)],
);

/** Daily read counts for "most read this week": counted on the server, no cookies. */
export const storyViews = table(
  "story_views",
  {
    storyId: integer("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
    /** Day as YYYY-MM-DD in the site's time zone. */
    day: text("day").notNull(),
    views: integer("views").notNull().default(0),
    republishViews: integer("republish_views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.day] }), index("story_views_day").on(t.day)],
);

/** Signed, expiring preview links for embargoed drafts; stored as a hash only. */
export const previewLinks = table(
  "preview_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: integer("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("preview_links_token").on(t.tokenHash), index("preview_links_story").on(t.storyId)],
);

// ─── comments ───────────────────────────────────────────────────────────────

export const comments = table(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: integer("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: COMMENT_STATUSES }).notNull().default("pending"),
    ipHash: text("ip_hash"),
    createdAt: integer("created_at").notNull().default(now),
    moderatedBy: integer("moderated_by").references(() => users.id, { onDelete: "set null" }),
    moderatedAt: integer("moderated_at"),
  },
  (t) => [index("comments_story_status").on(t.storyId, t.status, t.createdAt), index("comments_status").on(t.status, t.createdAt)],
);
export type Comment = typeof comments.$inferSelect;

/** Generic fixed-window counters for per-IP rate limits on public forms. */
export const rateLimits = table(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: integer("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

// ─── events ─────────────────────────────────────────────────────────────────

export const events = table(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    allDay: integer("all_day", { mode: "boolean" }).notNull().default(false),
    venue: text("venue").notNull().default(""),
    campus: text("campus").notNull().default(""),
    category: text("category").notNull().default(""),
    bookingUrl: text("booking_url"),
    imageId: integer("image_id").references(() => media.id, { onDelete: "set null" }),
    status: text("status", { enum: EVENT_STATUSES }).notNull().default("published"),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("events_slug_unique").on(t.slug),
    index("events_ends").on(t.status, t.endsAt),
    index("events_starts").on(t.status, t.startsAt),
  ],
);
export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;

export const eventRevisions = table(
  "event_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("event_revisions_event").on(t.eventId, t.id)],
);

// ─── open days ──────────────────────────────────────────────────────────────

export const openDays = table(
  "open_days",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    level: text("level", { enum: LEVELS }).notNull(),
    campus: text("campus").notNull(),
    summary: text("summary").notNull().default(""),
    /** Travel and accessibility information (Markdown). */
    travelInfo: text("travel_info").notNull().default(""),
    /** JSON array of subject names covered on the day. */
    subjects: text("subjects", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    /** People (registrant + guests) the day can take. */
    capacity: integer("capacity").notNull(),
    status: text("status", { enum: OPEN_DAY_STATUSES }).notNull().default("open"),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("open_days_slug_unique").on(t.slug), index("open_days_find").on(t.status, t.level, t.startsAt)],
);
export type OpenDay = typeof openDays.$inferSelect;
export type NewOpenDay = typeof openDays.$inferInsert;

export const openDaySessions = table(
  "open_day_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    openDayId: integer("open_day_id").notNull().references(() => openDays.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    room: text("room").notNull().default(""),
    /** Null means limited only by the open day's own capacity. */
    capacity: integer("capacity"),
  },
  (t) => [index("open_day_sessions_day").on(t.openDayId, t.startsAt)],
);
export type OpenDaySession = typeof openDaySessions.$inferSelect;

export const registrations = table(
  "registrations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    openDayId: integer("open_day_id").notNull().references(() => openDays.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    level: text("level", { enum: LEVELS }).notNull(),
    subject: text("subject").notNull().default(""),
    guests: integer("guests").notNull().default(0),
    accessNeeds: text("access_needs").notNull().default(""),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    manageTokenHash: text("manage_token_hash").notNull(),
    reminderSentAt: integer("reminder_sent_at"),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("registrations_token").on(t.manageTokenHash),
    index("registrations_day_status").on(t.openDayId, t.status, t.createdAt),
    index("registrations_day_email").on(t.openDayId, t.email),
  ],
);
export type Registration = typeof registrations.$inferSelect;

export const registrationSessions = table(
  "registration_sessions",
  {
    registrationId: integer("registration_id").notNull().references(() => registrations.id, { onDelete: "cascade" }),
    sessionId: integer("session_id").notNull().references(() => openDaySessions.id, { onDelete: "cascade" }),
    /**
     * Whether this person holds a place in the session. Only counted while
     * the registration itself is confirmed: a full session waitlists just
     * that session, not the whole booking (issue 11).
     */
    status: text("status", { enum: SESSION_PLACE_STATUSES }).notNull().default("confirmed"),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.sessionId] }), index("registration_sessions_session").on(t.sessionId)],
);

// ─── promos, audit, scheduler ───────────────────────────────────────────────

export const promos = table(
  "promos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slot: text("slot", { enum: PROMO_SLOTS }).notNull(),
    title: text("title").notNull(),
    text: text("text").notNull().default(""),
    linkUrl: text("link_url").notNull(),
    linkLabel: text("link_label").notNull().default("Find out more"),
    imageUrl: text("image_url"),
    imageAlt: text("image_alt").notNull().default(""),
    position: integer("position").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [index("promos_slot").on(t.active, t.slot, t.position)],
);
export type Promo = typeof promos.$inferSelect;

export const auditLog = table(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** Kept as text so the entry survives the user's deletion. */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    ip: text("ip"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull().default(now),
  },
  (t) => [index("audit_at").on(t.at), index("audit_actor").on(t.actorId, t.at), index("audit_action").on(t.action, t.at)],
);
export type AuditEntry = typeof auditLog.$inferSelect;

// ─── relations ──────────────────────────────────────────────────────────────

export const usersRelations = relations(users, ({ many }) => ({ people: many(people) }));
export const peopleRelations = relations(people, ({ one, many }) => ({
  user: one(users, { fields: [people.userId], references: [users.id] }),
  stories: many(storyAuthors),
}));
export const storiesRelations = relations(stories, ({ one, many }) => ({
  hero: one(media, { fields: [stories.heroImageId], references: [media.id] }),
  authors: many(storyAuthors),
  topics: many(storyTopics),
  revisions: many(storyRevisions),
  comments: many(comments),
}));
export const storyAuthorsRelations = relations(storyAuthors, ({ one }) => ({
  story: one(stories, { fields: [storyAuthors.storyId], references: [stories.id] }),
  person: one(people, { fields: [storyAuthors.personId], references: [people.id] }),
}));
export const storyTopicsRelations = relations(storyTopics, ({ one }) => ({
  story: one(stories, { fields: [storyTopics.storyId], references: [stories.id] }),
  topic: one(topics, { fields: [storyTopics.topicId], references: [topics.id] }),
}));
export const topicsRelations = relations(topics, ({ many }) => ({ stories: many(storyTopics) }));
export const storyRevisionsRelations = relations(storyRevisions, ({ one }) => ({
  story: one(stories, { fields: [storyRevisions.storyId], references: [stories.id] }),
}));
export const commentsRelations = relations(comments, ({ one }) => ({
  story: one(stories, { fields: [comments.storyId], references: [stories.id] }),
}));
export const eventsRelations = relations(events, ({ one }) => ({
  image: one(media, { fields: [events.imageId], references: [media.id] }),
}));
export const openDaysRelations = relations(openDays, ({ many }) => ({
  sessions: many(openDaySessions),
  registrations: many(registrations),
}));
export const openDaySessionsRelations = relations(openDaySessions, ({ one }) => ({
  openDay: one(openDays, { fields: [openDaySessions.openDayId], references: [openDays.id] }),
}));
export const registrationsRelations = relations(registrations, ({ one, many }) => ({
  openDay: one(openDays, { fields: [registrations.openDayId], references: [openDays.id] }),
  sessions: many(registrationSessions),
}));
export const registrationSessionsRelations = relations(registrationSessions, ({ one }) => ({
  registration: one(registrations, { fields: [registrationSessions.registrationId], references: [registrations.id] }),
  session: one(openDaySessions, { fields: [registrationSessions.sessionId], references: [openDaySessions.id] }),
}));
