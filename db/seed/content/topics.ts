/** Faculties, subjects and tags of the fictional University of Harrowgate. */
import type { TopicKind } from "@/db/schema";

export type TopicSeed = { slug: string; name: string; kind: TopicKind; description: string };
export type SubjectSeed = TopicSeed & { faculty: string };

export const FACULTIES: TopicSeed[] = [
  { slug: "science-and-engineering", name: "Science & Engineering", kind: "faculty", description: "Research and teaching across computing, the environment and engineering, from the labs on Riverside campus." },
  { slug: "arts-and-humanities", name: "Arts & Humanities", kind: "faculty", description: "History, literature and music at Harrowgate, with the city's archives and concert halls on our doorstep." },
  { slug: "health", name: "Health", kind: "faculty", description: "Nursing, midwifery and psychology, working with hospitals and community services across the region." },
  { slug: "business-and-law", name: "Business & Law", kind: "faculty", description: "Economics and law that engage with the questions facing local firms, councils and courts." },
];

export const SUBJECTS: SubjectSeed[] = [
  { slug: "computer-science", name: "Computer Science", kind: "subject", faculty: "science-and-engineering", description: "Software, data and the people who use them." },
  { slug: "environmental-science", name: "Environmental Science", kind: "subject", faculty: "science-and-engineering", description: "Rivers, soils, wildlife and a changing climate, studied in the field and the lab." },
  { slug: "engineering", name: "Engineering", kind: "subject", faculty: "science-and-engineering", description: "Structures, energy systems and materials built to last." },
  { slug: "history", name: "History", kind: "subject", faculty: "arts-and-humanities", description: "The past of the north and the wider world, read from the archive up." },
  { slug: "english-literature", name: "English Literature", kind: "subject", faculty: "arts-and-humanities", description: "Novels, poems and plays, and the readers who made them matter." },
  { slug: "music", name: "Music", kind: "subject", faculty: "arts-and-humanities", description: "Composition, performance and the study of sound in everyday life." },
  { slug: "nursing-and-midwifery", name: "Nursing & Midwifery", kind: "subject", faculty: "health", description: "Care at the bedside, in the home and in the community." },
  { slug: "psychology", name: "Psychology", kind: "subject", faculty: "health", description: "How minds develop, rest, learn and recover." },
  { slug: "economics", name: "Economics", kind: "subject", faculty: "business-and-law", description: "Households, firms and regions, and the choices that shape them." },
  { slug: "law", name: "Law", kind: "subject", faculty: "business-and-law", description: "Rights, rules and the courts, with a focus on everyday justice." },
];

export const TAGS: TopicSeed[] = [
  { slug: "climate", name: "Climate", kind: "tag", description: "Work on a warming world and how communities adapt to it." },
  { slug: "artificial-intelligence", name: "Artificial intelligence", kind: "tag", description: "What learning machines can do, and what they should not." },
  { slug: "community", name: "Community", kind: "tag", description: "Projects with the people and places around our two campuses." },
  { slug: "student-life", name: "Student life", kind: "tag", description: "Clubs, sport, volunteering and life beyond the lecture theatre." },
  { slug: "awards", name: "Awards", kind: "tag", description: "Prizes, fellowships and honours won by Harrowgate staff and students." },
  { slug: "research-funding", name: "Research funding", kind: "tag", description: "New grants and the projects they make possible." },
  { slug: "public-health", name: "Public health", kind: "tag", description: "Keeping people well, from vaccination to clean air." },
  { slug: "heritage", name: "Heritage", kind: "tag", description: "Buildings, collections and memories worth keeping." },
];

export const ALL_TOPICS: TopicSeed[] = [...FACULTIES, ...SUBJECTS, ...TAGS];

/** Two-colour gradients per faculty for the drawn demo images. */
export const PALETTES: Record<string, [string, string, string]> = {
  "science-and-engineering": ["#0b4f6c", "#1f8a70", "#c4f1e0"],
  "arts-and-humanities": ["#5b2a86", "#b5121b", "#f6d8ae"],
  health: ["#0f5257", "#3a86ff", "#d8f3ff"],
  "business-and-law": ["#1d3557", "#e09f3e", "#fbe8c8"],
};

export function facultyOf(subjectSlug: string): string {
  const subject = SUBJECTS.find((s) => s.slug === subjectSlug);
  if (!subject) throw new Error(`Unknown subject ${subjectSlug}`);
  return subject.faculty;
}
