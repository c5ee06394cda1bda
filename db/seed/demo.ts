/**
 * The demo content seed: accounts, experts, topics, stories, events, open
 * days and promos for the fictional University of Harrowgate. It runs only
 * on an empty database and writes everything in one transaction, so a
 * failure leaves nothing half-seeded.
 */
import { sql } from "drizzle-orm";
import { hash } from "@node-rs/argon2";
import { first, refreshPlannerStatistics, rows, transaction, type DB } from "@/db/client";
import * as s from "@/db/schema";
import { markdownToSearchText } from "@/db/search-text";
import { ACCOUNTS, EXPERTS } from "./content/people";
import { ALL_TOPICS } from "./content/topics";
import { figureImages, planEvents, planOpenDays, portraitImages, promoImage, PROMOS } from "./plan-calendar";
import { planStories } from "./plan-stories";
import { writeDemoCaptions } from "./captions";
import { planViews, type ViewedStory } from "./views";
import { writeDemoImages, type DemoImage } from "./images";

/**
 * The same argon2id parameters as lib/auth/password.ts (19 MiB, 2 passes,
 * 1 lane). The hashes are made before the transaction opens.
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export type SeedOptions = { password: string; now: number; writeImages?: boolean };
export type SeedResult = { created: boolean; accounts: { email: string; role: s.Role }[] };

const CONTENT_TABLES = ["users", "people", "topics", "stories", "events", "open_days", "promos"] as const;

/** True when any content table already has a row: the seed must not touch it. */
export async function hasContent(db: DB): Promise<boolean> {
  for (const t of CONTENT_TABLES) {
    if (await first(rows<{ e: number }>(db, sql.raw(`select 1 as e from ${t} limit 1`)))) return true;
  }
  return false;
}

/** Every image the demo content references, for writing into public/demo/. */
export function demoImages(now: number): DemoImage[] {
  return [
    ...planStories(now).map((p) => p.hero),
    ...planEvents(now).map((e) => e.image),
    ...portraitImages(),
    ...figureImages(),
    ...PROMOS.map(promoImage),
  ];
}

/** The revision snapshot shape: the row without its identity and creation fields. */
function snapshotOf(story: s.Story, authorIds: number[], topicIds: number[]): s.StorySnapshot {
  const copy: Partial<s.Story> = { ...story };
  delete copy.id;
  delete copy.createdAt;
  delete copy.createdBy;
  return { ...(copy as Omit<s.Story, "id" | "createdAt" | "createdBy">), authorIds, topicIds };
}

export async function seed(db: DB, { password, now, writeImages = true }: SeedOptions): Promise<SeedResult> {
  if (!password) throw new Error("seed() needs a password for the demo accounts");
  if (await hasContent(db)) return { created: false, accounts: [] };

  const passwordHash = await Promise.all(ACCOUNTS.map(() => hash(password, ARGON2ID)));
  const stories = planStories(now);
  const events = planEvents(now);
  const openDays = planOpenDays(now);

  await transaction(async (tx) => {
    const users = new Map<string, s.User>();
    for (const [i, a] of ACCOUNTS.entries()) {
      const [row] = await tx.insert(s.users).values({ ...a, passwordHash: passwordHash[i] as string, createdAt: now, updatedAt: now }).returning();
      users.set(a.role, row!);
    }
    const editorId = users.get("editor")?.id ?? null;
    const contributorId = users.get("contributor")?.id ?? null;
    const userByEmail = new Map([...users.values()].map((u) => [u.email, u.id]));

    const people = new Map<string, number>();
    for (const e of EXPERTS) {
      const [row] = await tx.insert(s.people).values({
        slug: e.slug, name: e.name, jobTitle: e.jobTitle, department: e.department, institution: e.institution,
        bio: e.bio, expertise: e.expertise, photoUrl: `/demo/portrait-${e.slug}.svg`, availableForMedia: e.availableForMedia,
        mediaEmail: e.availableForMedia ? `${e.slug.replace("-", ".")}@harrowgate.ac.uk` : null,
        userId: e.account ? (userByEmail.get(e.account) ?? null) : null, isGuest: e.isGuest ?? false, createdAt: now, updatedAt: now,
      }).returning({ id: s.people.id });
      people.set(e.slug, row!.id);
    }

    const topics = new Map<string, number>();
    for (const t of ALL_TOPICS) {
      const [row] = await tx.insert(s.topics).values({ slug: t.slug, name: t.name, kind: t.kind, description: t.description }).returning({ id: s.topics.id });
      topics.set(t.slug, row!.id);
    }

    const viewed: ViewedStory[] = [];
    for (const p of stories) {
      const creator = p.seed.createdBy === "contributor" ? contributorId : editorId;
      const [hero] = await tx.insert(s.media).values({
        fileName: p.hero.file, url: `/demo/${p.hero.file}`, mimeType: "image/svg+xml", bytes: Buffer.byteLength(p.hero.svg),
        width: p.hero.width, height: p.hero.height, altText: p.hero.altText, caption: p.hero.caption, credit: p.hero.credit,
        licence: "CC BY-ND 4.0", uploadedBy: creator, createdAt: p.createdAt,
      }).returning({ id: s.media.id });
      const [story] = await tx.insert(s.stories).values({
        type: p.seed.type, slug: p.slug, title: p.seed.title, standfirst: p.seed.standfirst, body: p.body, bodyText: markdownToSearchText(p.body), heroImageId: hero!.id,
        status: p.status, publishAt: p.publishAt, featured: p.featured,
        syndicationSource: p.seed.syndication?.source ?? null, syndicationUrl: p.seed.syndication?.url ?? null,
        syndicationLicence: p.seed.syndication ? "CC BY-ND 4.0" : null,
        mediaUrl: p.mediaUrl, transcript: p.transcript, seoDescription: p.seed.standfirst, workflowNote: p.seed.workflowNote ?? null,
        createdBy: creator, updatedBy: creator, createdAt: p.createdAt, updatedAt: p.updatedAt,
      }).returning();
      if (!story) throw new Error(`The demo story ${p.slug} was not written`);
      const authorIds = p.seed.authors.map((slug) => people.get(slug) as number);
      const topicIds = p.topicSlugs.map((slug) => topics.get(slug) as number);
      if (authorIds.length) await tx.insert(s.storyAuthors).values(authorIds.map((personId, position) => ({ storyId: story.id, personId, position })));
      if (topicIds.length) await tx.insert(s.storyTopics).values(topicIds.map((topicId) => ({ storyId: story.id, topicId })));
      await tx.insert(s.storyRevisions).values({
        storyId: story.id, version: story.version, snapshot: snapshotOf(story, authorIds, topicIds), reason: "seed",
        createdBy: story.createdBy, createdAt: p.updatedAt,
      });
      if (story.status === "published" || story.status === "scheduled") viewed.push(story);
    }
    const views = planViews(viewed, now);
    if (views.length) await tx.insert(s.storyViews).values(views);

    for (const e of events) {
      const [image] = await tx.insert(s.media).values({
        fileName: e.image.file, url: `/demo/${e.image.file}`, mimeType: "image/svg+xml", bytes: Buffer.byteLength(e.image.svg),
        width: e.image.width, height: e.image.height, altText: e.image.altText, caption: e.title, credit: "Illustration: Harrowgate Newsroom",
        licence: "CC BY-ND 4.0", uploadedBy: editorId, createdAt: now,
      }).returning({ id: s.media.id });
      await tx.insert(s.events).values({
        slug: e.slug, title: e.title, summary: e.summary, body: e.body, startsAt: e.startsAt, endsAt: e.endsAt, allDay: e.allDay,
        venue: e.venue, campus: e.campus, category: e.category, bookingUrl: e.bookingUrl, imageId: image!.id, status: "published",
        createdBy: editorId, updatedBy: editorId, createdAt: now, updatedAt: now,
      });
    }

    for (const o of openDays) {
      const { sessions, ...day } = o;
      const [row] = await tx.insert(s.openDays).values({ ...day, status: "open", createdAt: now, updatedAt: now }).returning({ id: s.openDays.id });
      if (sessions.length) await tx.insert(s.openDaySessions).values(sessions.map((session) => ({ ...session, openDayId: row!.id })));
    }

    for (const [position, p] of PROMOS.entries()) {
      await tx.insert(s.promos).values({
        slot: p.slot, title: p.title, text: p.text, linkUrl: p.linkUrl, linkLabel: p.linkLabel,
        imageUrl: `/demo/promo-${p.slot}.svg`, imageAlt: p.imageAlt, position, active: true, updatedAt: now,
      });
    }

    await tx.insert(s.auditLog).values({
      actorId: null, actorEmail: null, action: "seed", entity: "database", entityId: null,
      details: { stories: stories.length, events: events.length, openDays: openDays.length }, at: now,
    });
  }, db);
  await refreshPlannerStatistics(db);

  if (writeImages) {
    writeDemoImages(demoImages(now));
    writeDemoCaptions();
  }
  return { created: true, accounts: ACCOUNTS.map(({ email, role }) => ({ email, role })) };
}

/** Row counts per content table: used by the CLI's report and the tests. */
export async function contentCounts(db: DB): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [...CONTENT_TABLES, "story_authors", "story_topics", "story_revisions", "media", "open_day_sessions"]) {
    out[t] = Number((await first(rows<{ n: number | string }>(db, sql.raw(`select count(*) as n from ${t}`))))?.n ?? 0);
  }
  return out;
}
