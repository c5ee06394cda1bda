/**
 * Assembles Markdown bodies (and transcripts) for the demo stories from each
 * story's own lead and its subject's paragraph pool. The choice of
 * paragraphs is driven by a PRNG seeded with the slug, so it is stable.
 */
import { createRng } from "./prng";
import type { ExpertSeed } from "./content/people";
import { BOILERPLATE, CLOSINGS, PROSE, type SubjectProse } from "./content/prose";
import type { StorySeed } from "./content/story-seed";

type Author = Pick<ExpertSeed, "name" | "jobTitle" | "institution">;

function prose(subject: string): SubjectProse {
  const p = PROSE[subject];
  if (!p) throw new Error(`No prose for subject ${subject}`);
  return p;
}

/** "Quote." → “Quote,” said Name, Job title. */
function saidLine(quote: string, author: Author): string {
  const q = /[.]$/.test(quote) ? `${quote.slice(0, -1)},` : quote;
  return `“${q}” said ${author.name}, ${author.jobTitle}${author.institution === "University of Harrowgate" ? "" : ` at the ${author.institution}`}.`;
}

function surname(name: string): string {
  return name.split(/\s+/).pop() ?? name;
}

export function figureMarkdown(subject: string): string {
  const { alt, caption, credit } = prose(subject).figure;
  return `![${alt}](/demo/figure-${subject}.svg "${caption} | ${credit}")`;
}

export function buildBody(story: StorySeed, slug: string, authors: Author[]): string {
  const rng = createRng(`body:${slug}`);
  const p = prose(story.subject);
  const paras = rng.shuffle(p.paragraphs);
  const quotes = rng.shuffle(p.quotes);
  const headings = rng.shuffle(p.headings);
  const closing = rng.pick(CLOSINGS);
  const lead = authors[0] ?? { name: "A university spokesperson", jobTitle: "press office", institution: "University of Harrowgate" };
  const para = (i: number) => paras[i % paras.length] as string;
  const quote = (i: number) => quotes[i % quotes.length] as string;
  const heading = (i: number) => headings[i % headings.length] as string;

  switch (story.type) {
    case "news-release":
      return [
        story.lead,
        para(0),
        saidLine(quote(0), lead),
        para(1),
        ...(rng.next() < 0.5 ? [para(2)] : []),
        closing,
        "## Notes to editors",
        `${BOILERPLATE} For interviews with ${lead.name}, contact the press office.`,
      ].join("\n\n");
    case "feature":
      return [
        story.lead,
        para(0),
        `## ${heading(0)}`,
        para(1),
        `“${quote(0)}” says ${surname(lead.name)}.`,
        para(2),
        `## ${heading(1)}`,
        para(3),
        `> ${quote(1)}`,
        closing,
      ].join("\n\n");
    case "expert-comment":
      return [
        story.lead,
        para(0),
        `## ${heading(0)}`,
        para(1),
        `> ${quote(0)}`,
        figureMarkdown(story.subject),
        para(2),
        `## ${heading(1)}`,
        para(3),
        ...(authors.length > 1 ? [`As ${surname(authors[1]?.name ?? "")} puts it, the question is not whether things will change, but who gets to shape the change.`] : []),
        `> ${quote(1)}`,
        para(4),
      ].join("\n\n");
    case "video":
    case "audio":
      return [story.lead, para(0), `A full transcript is available with this ${story.type === "video" ? "video" : "episode"}.`].join("\n\n");
  }
}

/** A readable interview transcript for video and audio stories. */
export function buildTranscript(story: StorySeed, slug: string, authors: Author[]): string {
  const rng = createRng(`transcript:${slug}`);
  const p = prose(story.subject);
  const paras = rng.shuffle(p.paragraphs);
  const quotes = rng.shuffle(p.quotes);
  const a = authors[0];
  if (!a) throw new Error(`Story ${slug} needs an author for its transcript`);
  const who = surname(a.name);
  const host = story.type === "audio" ? "Host" : "Narrator";
  return [
    `${host}: ${story.type === "audio" ? "Welcome to Harrowgate Minds, the podcast from the University of Harrowgate." : "This film was made on location with the University of Harrowgate."} With us is ${a.name}, ${a.jobTitle}.`,
    `${host}: What is the work about?`,
    `${who}: ${paras[0]}`,
    `${host}: Why does it matter now?`,
    `${who}: ${quotes[0]} ${paras[1]}`,
    `${host}: And what comes next?`,
    `${who}: ${quotes[1]}`,
    `${host}: ${a.name}, thank you.`,
  ].join("\n\n");
}
