/**
 * Bulk synthetic stories for benchmarks (`npm run db:seed -- --stories N`).
 * Raw prepared statements in batched transactions: drizzle's builder is
 * too slow for 100,000 rows, and one transaction per batch keeps memory
 * flat and lets readers in between batches.
 */
import type { DB } from "@/db/client";
import type { StoryType } from "@/db/schema";
import { markdownToSearchText } from "@/db/search-text";
import { slugify } from "@/lib/slug";
import { CLOSINGS, PROSE } from "./content/prose";
import { SUBJECTS } from "./content/topics";
import { createRng } from "./prng";
import { DAY } from "./time";

const BATCH = 5_000;
const TYPES: StoryType[] = ["news-release", "news-release", "news-release", "feature", "feature", "expert-comment", "expert-comment", "video", "audio"];
const OPENERS = ["New findings on", "A fresh look at", "What next for", "Rethinking", "Students explore", "A year of", "Questions about", "Inside", "The future of", "Lessons from"];
const ANGLES = ["in the Harrow Valley", "across the north", "on City campus", "at Riverside", "in everyday life", "for local communities", "in a changing climate", "after the pandemic", "in our schools", "for the next generation"];
const FALLBACK = Object.values(PROSE).flatMap((p) => p.paragraphs);

type Row = { id: number };
type TopicRow = { id: number; slug: string; name: string; kind: string };

export type SyntheticOptions = {
  now: number;
  batchSize?: number;
  /** Called after each committed batch with the number added so far. */
  onProgress?: (done: number, total: number) => void;
};

/** Adds exactly `n` published synthetic stories; returns how many were added. */
export function seedSyntheticStories(db: DB, n: number, { now, batchSize = BATCH, onProgress }: SyntheticOptions): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`--stories needs a whole number, not ${n}`);
  if (n === 0) return 0;
  const sqlite = db.$client;
  const people = (sqlite.prepare("select id from people order by id").all() as Row[]).map((r) => r.id);
  const topics = sqlite.prepare("select id, slug, name, kind from topics order by id").all() as TopicRow[];
  const subjects = topics.filter((t) => t.kind === "subject");
  const faculties = topics.filter((t) => t.kind === "faculty");
  const tags = topics.filter((t) => t.kind === "tag");
  if (people.length === 0 || subjects.length === 0) throw new Error("Synthetic stories need experts and subjects: run the demo seed first (npm run db:seed).");
  const heroes = (sqlite.prepare("select distinct hero_image_id as id from stories where hero_image_id is not null order by 1").all() as Row[]).map((r) => r.id);
  const editor = (sqlite.prepare("select id from users where role = 'editor' order by id limit 1").get() as Row | undefined)?.id ?? null;
  const start = ((sqlite.prepare("select coalesce(max(id), 0) as id from stories").get() as Row).id) + 1;
  const rng = createRng(`synthetic:${start}:${n}:${now}`);

  const insertStory = sqlite.prepare(
    `insert into stories (type, slug, title, standfirst, body, body_text, hero_image_id, status, publish_at, featured, media_url, transcript,
       seo_description, created_by, updated_by, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, 'published', ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAuthor = sqlite.prepare("insert into story_authors (story_id, person_id, position) values (?, ?, ?)");
  const insertTopic = sqlite.prepare("insert into story_topics (story_id, topic_id) values (?, ?)");

  const facultyFor = (subject: TopicRow) => {
    const slug = SUBJECTS.find((s) => s.slug === subject.slug)?.faculty;
    return faculties.find((f) => f.slug === slug) ?? (faculties.length ? rng.pick(faculties) : undefined);
  };

  const addOne = (seq: number) => {
    const type = rng.pick(TYPES);
    const subject = rng.pick(subjects);
    const pool = PROSE[subject.slug]?.paragraphs ?? FALLBACK;
    const title = `${rng.pick(OPENERS)} ${subject.name.toLowerCase()} ${rng.pick(ANGLES)}`;
    const slug = `${slugify(title, 64)}-x${seq.toString(36)}`;
    const standfirst = `Archive story ${seq}: ${subject.name} research and news from the University of Harrowgate.`;
    const paras = rng.sample(pool, 3);
    const body = [`${title}. ${rng.pick(CLOSINGS)}`, paras[0], `## ${rng.pick(PROSE[subject.slug]?.headings ?? ["Background"])}`, paras[1], paras[2]].join("\n\n");
    const publishAt = Math.floor((now - 60_000 - rng.next() * 730 * DAY) / 60_000) * 60_000;
    const media = type === "video" ? "/demo/media/sample-video.mp4" : type === "audio" ? "/demo/media/sample-audio.mp3" : null;
    const transcript = media ? `Host: ${title}.\n\nGuest: ${paras[0]}` : null;
    const hero = heroes.length ? rng.pick(heroes) : null;
    const id = Number(
      insertStory.run(type, slug, title, standfirst, body, markdownToSearchText(body), hero, publishAt, media, transcript, standfirst, editor, editor, publishAt, publishAt).lastInsertRowid,
    );
    const authors = rng.sample(people, rng.next() < 0.75 ? 1 : 2);
    authors.forEach((personId, position) => insertAuthor.run(id, personId, position));
    const topicIds = new Set<number>([subject.id]);
    const faculty = facultyFor(subject);
    if (faculty) topicIds.add(faculty.id);
    if (tags.length && rng.next() < 0.5) topicIds.add(rng.pick(tags).id);
    for (const topicId of topicIds) insertTopic.run(id, topicId);
  };

  // Indexing each row through the full-text trigger costs about 2.5x more
  // than one INSERT … SELECT per batch, so the batch swaps the trigger out
  // and back in. DDL is transactional in SQLite and the batch holds the
  // write lock, so no other writer ever sees the table without it.
  const trigger = (sqlite.prepare("select sql from sqlite_master where type = 'trigger' and name = 'stories_fts_ai'").get() as { sql: string } | undefined)?.sql;
  const batch = sqlite.transaction((from: number, count: number) => {
    if (trigger) sqlite.exec("drop trigger stories_fts_ai");
    const first = (sqlite.prepare("select coalesce(max(id), 0) + 1 as id from stories").get() as Row).id;
    for (let i = 0; i < count; i++) addOne(from + i);
    if (trigger) {
      sqlite.prepare("insert into stories_fts(rowid, title, standfirst, body_text) select id, title, standfirst, body_text from stories where id >= ?").run(first);
      sqlite.exec(trigger);
    }
  });
  for (let done = 0; done < n; done += batchSize) {
    const count = Math.min(batchSize, n - done);
    batch(start + done, count);
    onProgress?.(done + count, n);
  }
  return n;
}
