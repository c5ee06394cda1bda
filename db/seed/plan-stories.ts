/**
 * Turns the hand-written story seeds into complete rows-to-be: slugs,
 * publish times spread over the last two years, bodies, transcripts and
 * hero images. Everything derives from `now` and fixed PRNG seeds.
 */
import type { StoryStatus, StoryType } from "@/db/schema";
import { slugify } from "@/lib/slug";
import { buildBody, buildTranscript } from "./bodies";
import { EXPERTS, type ExpertSeed } from "./content/people";
import { AUDIO, EXPERT_COMMENTS, UNPUBLISHED, VIDEOS } from "./content/stories-comment";
import { FEATURES, NEWS_RELEASES } from "./content/stories-news";
import type { StorySeed } from "./content/story-seed";
import { FACULTIES, PALETTES, SUBJECTS, facultyOf } from "./content/topics";
import { bannerSvg, type DemoImage } from "./images";
import { createRng } from "./prng";
import { addDays, at, DAY, HOUR, localDay } from "./time";

export const TYPE_LABELS: Record<StoryType, string> = {
  "news-release": "News release",
  feature: "Feature",
  "expert-comment": "Expert comment",
  video: "Video",
  audio: "Audio",
};

export const PALETTE_WORDS: Record<string, string> = {
  "science-and-engineering": "teal and green",
  "arts-and-humanities": "purple and red",
  health: "teal and blue",
  "business-and-law": "navy and gold",
};

export type HeroPlan = DemoImage & { altText: string; caption: string; credit: string };

export type StoryPlan = {
  seed: StorySeed;
  slug: string;
  status: StoryStatus;
  publishAt: number | null;
  featured: boolean;
  body: string;
  transcript: string | null;
  mediaUrl: string | null;
  topicSlugs: string[];
  hero: HeroPlan;
  createdAt: number;
  updatedAt: number;
};

export const PUBLISHED_SEEDS: StorySeed[] = [...NEWS_RELEASES, ...FEATURES, ...EXPERT_COMMENTS, ...VIDEOS, ...AUDIO];

function expert(slug: string): ExpertSeed {
  const e = EXPERTS.find((x) => x.slug === slug);
  if (!e) throw new Error(`Unknown expert ${slug}`);
  return e;
}

export function heroFor(slug: string, seed: StorySeed): HeroPlan {
  const faculty = facultyOf(seed.subject);
  const subject = SUBJECTS.find((s) => s.slug === seed.subject);
  const facultyName = FACULTIES.find((f) => f.slug === faculty)?.name ?? "";
  const palette = PALETTES[faculty] ?? ["#1d3557", "#457b9d", "#f1faee"];
  const name = subject?.name ?? seed.subject;
  return {
    ...bannerSvg({ file: `story-${slug}.svg`, title: name, kicker: `${TYPE_LABELS[seed.type]} · ${facultyName}`, palette, seed: slug }),
    altText: `Illustration with the words “${name}” on a ${PALETTE_WORDS[faculty] ?? "coloured"} background`,
    caption: `${name} at the University of Harrowgate`,
    credit: "Illustration: Harrowgate Newsroom",
  };
}

function plan(seed: StorySeed, status: StoryStatus, publishAt: number | null, createdAt: number): StoryPlan {
  const slug = slugify(seed.title);
  const authors = seed.authors.map(expert);
  const isMedia = seed.type === "video" || seed.type === "audio";
  return {
    seed,
    slug,
    status,
    publishAt,
    featured: false,
    body: buildBody(seed, slug, authors),
    transcript: isMedia ? buildTranscript(seed, slug, authors) : null,
    // Short generated test clips (public/demo/media): real, playable files, not real recordings.
    mediaUrl: seed.type === "video" ? "/demo/media/sample-video.mp4" : seed.type === "audio" ? "/demo/media/sample-audio.mp3" : null,
    topicSlugs: [facultyOf(seed.subject), seed.subject, ...seed.tags].slice(0, 3),
    hero: heroFor(slug, seed),
    createdAt,
    updatedAt: publishAt ?? createdAt,
  };
}

/** All demo stories, published ones first in publish order (oldest first). */
export function planStories(now: number): StoryPlan[] {
  const rng = createRng("story-dates");
  const today = localDay(now);
  const latest = Math.floor((now - 2 * HOUR) / 60_000) * 60_000;
  const order = rng.shuffle(PUBLISHED_SEEDS.map((_, i) => i));
  const published = order.map((seedIndex, k) => {
    // k = 0 is the newest; offsets spread evenly over 730 days with a little jitter.
    const offset = Math.min(729, Math.round((k * 726) / (order.length - 1)) + rng.int(0, 3));
    const hh = String(rng.int(7, 17)).padStart(2, "0");
    const mm = String(rng.pick([0, 15, 30, 45])).padStart(2, "0");
    const publishAt = Math.min(at(addDays(today, -offset), `${hh}:${mm}`), latest);
    const seed = PUBLISHED_SEEDS[seedIndex] as StorySeed;
    return plan(seed, "published", publishAt, publishAt - rng.int(1, 5) * DAY);
  });
  published.sort((a, b) => (a.publishAt ?? 0) - (b.publishAt ?? 0));
  const newestFeature = published.filter((s) => s.seed.type === "feature").pop();
  if (newestFeature) newestFeature.featured = true;

  const unpublished = UNPUBLISHED.map((seed, i) => {
    const createdAt = latest - (i + 1) * DAY;
    const publishAt = seed.status === "scheduled" ? at(addDays(today, seed.publishInDays ?? 3), "09:00") : null;
    return plan(seed, seed.status ?? "draft", publishAt, createdAt);
  });
  for (const p of unpublished) p.updatedAt = p.createdAt;
  return [...published, ...unpublished];
}
