/**
 * Small row builders for tests. Each takes overrides and fills the rest
 * with unique, valid values. They write through the process-wide database
 * (set up per test file by helpers/setup-env.ts and helpers/db.ts).
 */
import { first, getDb } from "@/db/client";
import * as s from "@/db/schema";
import { markdownToSearchText } from "@/db/search-text";

let seq = 0;
const next = () => ++seq;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function createUser(overrides: Partial<s.NewUser> = {}): Promise<s.User> {
  const n = next();
  return (await first(getDb()
    .insert(s.users)
    .values({
      email: `user${n}@newsroom.test`,
      name: `User ${n}`,
      role: "contributor",
      // Not a real hash: tests that sign in set passwordHash themselves.
      passwordHash: "not-a-hash",
      ...overrides,
    })
    .returning()))!;
}

export async function createPerson(overrides: Partial<s.NewPerson> = {}): Promise<s.Person> {
  const n = next();
  return (await first(getDb()
    .insert(s.people)
    .values({
      slug: `expert-${n}`,
      name: `Expert ${n}`,
      jobTitle: "Professor of Testing",
      department: "School of Examples",
      institution: "University of Harrowgate",
      bio: `Expert ${n} studies things.`,
      expertise: ["testing"],
      ...overrides,
    })
    .returning()))!;
}

export async function createTopic(overrides: Partial<s.NewTopic> = {}): Promise<s.Topic> {
  const n = next();
  return (await first(getDb()
    .insert(s.topics)
    .values({ slug: `topic-${n}`, name: `Topic ${n}`, kind: "subject", ...overrides })
    .returning()))!;
}

type StoryOverrides = Partial<s.NewStory> & { authors?: s.Person[]; topics?: s.Topic[] };

/** A story; published an hour ago unless overridden. */
export async function createStory({ authors = [], topics = [], ...overrides }: StoryOverrides = {}): Promise<s.Story> {
  const n = next();
  const db = getDb();
  const story = (await first(db
    .insert(s.stories)
    .values({
      type: "news-release",
      slug: `story-${n}`,
      title: `Story number ${n}`,
      standfirst: `Standfirst of story ${n}.`,
      body: `Body of story ${n}.\n\n## A sub-heading\n\nMore text.`,
      status: "published",
      publishAt: Date.now() - HOUR,
      ...overrides,
      // Every writer stores the plain-text body the search index reads (db/search-text.ts).
      bodyText: overrides.bodyText ?? markdownToSearchText(overrides.body ?? `Body of story ${n}.\n\n## A sub-heading\n\nMore text.`),
    })
    .returning()))!;
  for (const [position, p] of authors.entries()) await db.insert(s.storyAuthors).values({ storyId: story.id, personId: p.id, position });
  for (const t of topics) await db.insert(s.storyTopics).values({ storyId: story.id, topicId: t.id });
  return story;
}

/** An event starting in a week, lasting two hours, unless overridden. */
export async function createEvent(overrides: Partial<s.NewEvent> = {}): Promise<s.Event> {
  const n = next();
  const startsAt = overrides.startsAt ?? Date.now() + 7 * DAY;
  return (await first(getDb()
    .insert(s.events)
    .values({
      slug: `event-${n}`,
      title: `Event ${n}`,
      summary: `Summary of event ${n}.`,
      body: `About event ${n}.`,
      startsAt,
      endsAt: startsAt + 2 * HOUR,
      venue: "Great Hall",
      campus: "City campus",
      category: "Lecture",
      status: "published",
      ...overrides,
    })
    .returning()))!;
}

type OpenDayOverrides = Partial<s.NewOpenDay> & { sessions?: Partial<typeof s.openDaySessions.$inferInsert>[] };

/** An open open-day in two weeks with the given sessions (default: two). */
export async function createOpenDay({ sessions, ...overrides }: OpenDayOverrides = {}) {
  const n = next();
  const startsAt = overrides.startsAt ?? Date.now() + 14 * DAY;
  const db = getDb();
  const day = (await first(db
    .insert(s.openDays)
    .values({
      slug: `open-day-${n}`,
      title: `Open day ${n}`,
      level: "undergraduate",
      campus: "City campus",
      subjects: ["History", "Computer Science"],
      startsAt,
      endsAt: startsAt + 6 * HOUR,
      capacity: 100,
      status: "open",
      ...overrides,
    })
    .returning()))!;
  const rows: s.OpenDaySession[] = [];
  for (const [i, session] of (sessions ?? [{}, {}]).entries()) {
    rows.push((await first(db
      .insert(s.openDaySessions)
      .values({
        openDayId: day.id,
        title: `Session ${i + 1}`,
        startsAt: startsAt + i * HOUR,
        endsAt: startsAt + (i + 1) * HOUR,
        room: `Room ${i + 1}`,
        ...session,
      })
      .returning()))!);
  }
  return { ...day, sessions: rows };
}

/** A promo in the research slot, active, unless overridden. */
export async function createPromo(overrides: Partial<typeof s.promos.$inferInsert> = {}): Promise<s.Promo> {
  const n = next();
  return (await first(getDb()
    .insert(s.promos)
    .values({ slot: "research", title: `Promo ${n}`, linkUrl: `/promo-${n}`, ...overrides })
    .returning()))!;
}

/** A pending reader comment on the given story, unless overridden. */
export async function createComment(overrides: Partial<typeof s.comments.$inferInsert> & { storyId: number }): Promise<s.Comment> {
  const n = next();
  return (await first(getDb()
    .insert(s.comments)
    .values({ name: `Reader ${n}`, email: `reader${n}@example.com`, body: `Comment ${n}.`, ...overrides })
    .returning()))!;
}

/** An audit-log entry for a story save, no actor, unless overridden. */
export async function createAuditEntry(overrides: Partial<typeof s.auditLog.$inferInsert> = {}): Promise<s.AuditEntry> {
  return (await first(getDb()
    .insert(s.auditLog)
    .values({ action: "story.save", entity: "story", entityId: "1", ip: "192.0.2.1", ...overrides })
    .returning()))!;
}

/**
 * `count` failed sign-ins for an email from an IP, one millisecond apart
 * starting at `at` (default: ten seconds ago).
 */
export async function createSignInFailures(
  { email, ip = "192.0.2.1", count = 1, at = Date.now() - 10_000 }: { email: string; ip?: string; count?: number; at?: number },
) {
  await getDb()
    .insert(s.loginAttempts)
    .values(Array.from({ length: count }, (_, i) => ({ email, ip, success: false, at: at + i })));
}

/** A stored revision of a story (an empty snapshot unless overridden). */
export async function createRevision(overrides: Partial<typeof s.storyRevisions.$inferInsert> & { storyId: number }): Promise<s.StoryRevision> {
  return (await first(getDb()
    .insert(s.storyRevisions)
    .values({ version: 1, snapshot: {} as never, ...overrides })
    .returning()))!;
}

/** An old slug that redirects to the given story. */
export async function createSlugRedirect(overrides: Partial<typeof s.slugRedirects.$inferInsert> & { storyId: number }) {
  const n = next();
  return (await first(getDb()
    .insert(s.slugRedirects)
    .values({ oldSlug: `old-slug-${n}`, ...overrides })
    .returning()))!;
}

/** A day's read count for a story. */
export async function createStoryView(overrides: typeof s.storyViews.$inferInsert) {
  return (await first(getDb().insert(s.storyViews).values(overrides).returning()))!;
}

/** A confirmed undergraduate registration for the given open day, unless overridden. */
export async function createRegistration(overrides: Partial<typeof s.registrations.$inferInsert> & { openDayId: number }): Promise<s.Registration> {
  const n = next();
  return (await first(getDb()
    .insert(s.registrations)
    .values({
      name: `Applicant ${n}`,
      email: `applicant${n}@example.com`,
      level: "undergraduate",
      status: "confirmed",
      // Unique per row (the column has a unique index); not a real token hash.
      manageTokenHash: n.toString(16).padStart(64, "0"),
      ...overrides,
    })
    .returning()))!;
}

/** A 1200×800 JPEG in the media library, unless overridden. */
export async function createMedia(overrides: Partial<s.NewMedia> = {}): Promise<s.Media> {
  const n = next();
  return (await first(getDb()
    .insert(s.media)
    .values({ fileName: `image-${n}.jpg`, url: `/uploads/image-${n}.jpg`, mimeType: "image/jpeg", bytes: 1, width: 1200, height: 800, altText: `Image ${n}`, ...overrides })
    .returning()))!;
}
