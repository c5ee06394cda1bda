/**
 * Bulk synthetic stories for benchmarks (`npm run db:seed -- --stories N`).
 * Multi-row inserts (CHUNK rows a statement) in one transaction per batch:
 * one statement per row is too slow for 100,000 stories, and one transaction
 * per batch keeps memory flat and lets readers in between batches.
 */
import { eq, isNotNull, sql } from "drizzle-orm";
import { dialect, exec, first, refreshPlannerStatistics, rows, transaction, type DB, type Tx } from "@/db/client";
import * as s from "@/db/schema";
import type { StoryType } from "@/db/schema";
import { markdownToSearchText } from "@/db/search-text";
import { slugify } from "@/lib/slug";
import { CLOSINGS, PROSE } from "./content/prose";
import { SUBJECTS } from "./content/topics";
import { createRng } from "./prng";
import { DAY } from "./time";

const BATCH = 5_000;
/** Rows per INSERT: well inside SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK = 500;
const TYPES: StoryType[] = ["news-release", "news-release", "news-release", "feature", "feature", "expert-comment", "expert-comment", "video", "audio"];
const OPENERS = ["New findings on", "A fresh look at", "What next for", "Rethinking", "Students explore", "A year of", "Questions about", "Inside", "The future of", "Lessons from"];
const ANGLES = ["in the Harrow Valley", "across the north", "on City campus", "at Riverside", "in everyday life", "for local communities", "in a changing climate", "after the pandemic", "in our schools", "for the next generation"];
const FALLBACK = Object.values(PROSE).flatMap((p) => p.paragraphs);

type TopicRow = { id: number; slug: string; name: string; kind: string };

export type SyntheticOptions = {
  now: number;
  batchSize?: number;
  /** Called after each committed batch with the number added so far. */
  onProgress?: (done: number, total: number) => void;
};

type Planned = { story: typeof s.stories.$inferInsert; authors: number[]; topicIds: number[] };

/** Inserts `list` CHUNK rows a statement. */
async function insertChunks<T>(list: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < list.length; i += CHUNK) await insert(list.slice(i, i + CHUNK));
}

/** Adds exactly `n` published synthetic stories; returns how many were added. */
export async function seedSyntheticStories(db: DB, n: number, { now, batchSize = BATCH, onProgress }: SyntheticOptions): Promise<number> {
  if (!Number.isInteger(n) || n < 0) throw new Error(`--stories needs a whole number, not ${n}`);
  if (n === 0) return 0;
  const people = (await db.select({ id: s.people.id }).from(s.people).orderBy(s.people.id)).map((r) => r.id);
  const topics: TopicRow[] = await db.select({ id: s.topics.id, slug: s.topics.slug, name: s.topics.name, kind: s.topics.kind }).from(s.topics).orderBy(s.topics.id);
  const subjects = topics.filter((t) => t.kind === "subject");
  const faculties = topics.filter((t) => t.kind === "faculty");
  const tags = topics.filter((t) => t.kind === "tag");
  if (people.length === 0 || subjects.length === 0) throw new Error("Synthetic stories need experts and subjects: run the demo seed first (npm run db:seed).");
  const heroes = (
    await db.selectDistinct({ id: s.stories.heroImageId }).from(s.stories).where(isNotNull(s.stories.heroImageId)).orderBy(s.stories.heroImageId)
  ).map((r) => r.id as number);
  const editor = (await first(db.select({ id: s.users.id }).from(s.users).where(eq(s.users.role, "editor")).orderBy(s.users.id).limit(1)))?.id ?? null;
  const start = ((await first(db.select({ id: sql<number>`coalesce(max(${s.stories.id}), 0)`.mapWith(Number) }).from(s.stories)))?.id ?? 0) + 1;
  const rng = createRng(`synthetic:${start}:${n}:${now}`);

  const facultyFor = (subject: TopicRow) => {
    const slug = SUBJECTS.find((t) => t.slug === subject.slug)?.faculty;
    return faculties.find((f) => f.slug === slug) ?? (faculties.length ? rng.pick(faculties) : undefined);
  };

  const planOne = (seq: number): Planned => {
    const type = rng.pick(TYPES);
    const subject = rng.pick(subjects);
    const pool = PROSE[subject.slug]?.paragraphs ?? FALLBACK;
    const title = `${rng.pick(OPENERS)} ${subject.name.toLowerCase()} ${rng.pick(ANGLES)}`;
    const slug = `${slugify(title, 64)}-x${seq.toString(36)}`;
    const standfirst = `Archive story ${seq}: ${subject.name} research and news from the University of Harrowgate.`;
    const paras = rng.sample(pool, 3);
    const body = [`${title}. ${rng.pick(CLOSINGS)}`, paras[0], `## ${rng.pick(PROSE[subject.slug]?.headings ?? ["Background"])}`, paras[1], paras[2]].join("\n\n");
    const publishAt = Math.floor((now - 60_000 - rng.next() * 730 * DAY) / 60_000) * 60_000;
    const mediaUrl = type === "video" ? "/demo/media/sample-video.mp4" : type === "audio" ? "/demo/media/sample-audio.mp3" : null;
    const transcript = mediaUrl ? `Host: ${title}.\n\nGuest: ${paras[0]}` : null;
    const heroImageId = heroes.length ? rng.pick(heroes) : null;
    const story = {
      type, slug, title, standfirst, body, bodyText: markdownToSearchText(body), heroImageId, status: "published" as const, publishAt, featured: false,
      mediaUrl, transcript, seoDescription: standfirst, createdBy: editor, updatedBy: editor, createdAt: publishAt, updatedAt: publishAt,
    };
    const authors = rng.sample(people, rng.next() < 0.75 ? 1 : 2);
    const topicIds = new Set<number>([subject.id]);
    const faculty = facultyFor(subject);
    if (faculty) topicIds.add(faculty.id);
    if (tags.length && rng.next() < 0.5) topicIds.add(rng.pick(tags).id);
    return { story, authors, topicIds: [...topicIds] };
  };

  /** The stories, then their authors and topics by the ids the database gave (matched by slug: RETURNING promises no order). */
  const insertPlanned = async (tx: Tx, planned: Planned[]) => {
    const ids = new Map<string, number>();
    await insertChunks(planned, async (chunk) => {
      for (const r of await tx.insert(s.stories).values(chunk.map((p) => p.story)).returning({ id: s.stories.id, slug: s.stories.slug })) ids.set(r.slug, r.id);
    });
    const idOf = (p: Planned) => ids.get(p.story.slug)!;
    await insertChunks(
      planned.flatMap((p) => p.authors.map((personId, position) => ({ storyId: idOf(p), personId, position }))),
      (chunk) => tx.insert(s.storyAuthors).values(chunk),
    );
    await insertChunks(
      planned.flatMap((p) => p.topicIds.map((topicId) => ({ storyId: idOf(p), topicId }))),
      (chunk) => tx.insert(s.storyTopics).values(chunk),
    );
  };

  // SQLite: indexing each row through the full-text trigger costs about 2.5x
  // more than one INSERT … SELECT per batch, so the batch swaps the trigger
  // out and back in. DDL is transactional in SQLite and the batch holds the
  // write lock, so no other writer ever sees the table without it.
  // (PostgreSQL's search column is generated: nothing to swap.)
  const trigger =
    dialect === "sqlite"
      ? (await first(rows<{ sql: string }>(db, sql`select sql from sqlite_master where type = 'trigger' and name = 'stories_fts_ai'`)))?.sql
      : undefined;
  for (let done = 0; done < n; done += batchSize) {
    const count = Math.min(batchSize, n - done);
    const planned = Array.from({ length: count }, (_, i) => planOne(start + done + i));
    await transaction(async (tx) => {
      if (!trigger) return insertPlanned(tx, planned);
      await exec(tx, sql`drop trigger stories_fts_ai`);
      const from = (await first(tx.select({ id: sql<number>`coalesce(max(${s.stories.id}), 0) + 1`.mapWith(Number) }).from(s.stories)))!.id;
      await insertPlanned(tx, planned);
      await exec(tx, sql`insert into stories_fts(rowid, title, standfirst, body_text) select id, title, standfirst, body_text from stories where id >= ${from}`);
      await exec(tx, sql.raw(trigger));
    }, db);
    onProgress?.(done + count, n);
  }
  await refreshPlannerStatistics(db);
  return n;
}
