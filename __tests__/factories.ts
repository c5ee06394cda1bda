/**
 * Small row builders for tests. Each takes overrides and fills the rest
 * with unique, valid values. They write through the process-wide database
 * (set up per test file by helpers/setup-env.ts and helpers/db.ts).
 */
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { markdownToSearchText } from "@/db/search-text";

let seq = 0;
const next = () => ++seq;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function createUser(overrides: Partial<s.NewUser> = {}): s.User {
  const n = next();
  return getDb()
    .insert(s.users)
    .values({
      email: `user${n}@newsroom.test`,
      name: `User ${n}`,
      role: "contributor",
      // Not a real hash: tests that sign in set passwordHash themselves.
      passwordHash: "not-a-hash",
      ...overrides,
    })
    .returning()
    .get();
}

export function createPerson(overrides: Partial<s.NewPerson> = {}): s.Person {
  const n = next();
  return getDb()
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
    .returning()
    .get();
}

export function createTopic(overrides: Partial<s.NewTopic> = {}): s.Topic {
  const n = next();
  return getDb()
    .insert(s.topics)
    .values({ slug: `topic-${n}`, name: `Topic ${n}`, kind: "subject", ...overrides })
    .returning()
    .get();
}

type StoryOverrides = Partial<s.NewStory> & { authors?: s.Person[]; topics?: s.Topic[] };

/** A story; published an hour ago unless overridden. */
export function createStory({ authors = [], topics = [], ...overrides }: StoryOverrides = {}): s.Story {
  const n = next();
  const db = getDb();
  const story = db
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
    .returning()
    .get();
  authors.forEach((p, position) => db.insert(s.storyAuthors).values({ storyId: story.id, personId: p.id, position }).run());
  topics.forEach((t) => db.insert(s.storyTopics).values({ storyId: story.id, topicId: t.id }).run());
  return story;
}

/** An event starting in a week, lasting two hours, unless overridden. */
export function createEvent(overrides: Partial<s.NewEvent> = {}): s.Event {
  const n = next();
  const startsAt = overrides.startsAt ?? Date.now() + 7 * DAY;
  return getDb()
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
    .returning()
    .get();
}

type OpenDayOverrides = Partial<s.NewOpenDay> & { sessions?: Partial<typeof s.openDaySessions.$inferInsert>[] };

/** An open open-day in two weeks with the given sessions (default: two). */
export function createOpenDay({ sessions, ...overrides }: OpenDayOverrides = {}) {
  const n = next();
  const startsAt = overrides.startsAt ?? Date.now() + 14 * DAY;
  const db = getDb();
  const day = db
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
    .returning()
    .get();
  const rows = (sessions ?? [{}, {}]).map((session, i) =>
    db
      .insert(s.openDaySessions)
      .values({
        openDayId: day.id,
        title: `Session ${i + 1}`,
        startsAt: startsAt + i * HOUR,
        endsAt: startsAt + (i + 1) * HOUR,
        room: `Room ${i + 1}`,
        ...session,
      })
      .returning()
      .get(),
  );
  return { ...day, sessions: rows };
}
