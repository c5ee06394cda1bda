import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { Pagination } from "@/components/pagination";
import { StoryCardGrid } from "@/components/story-card";
import { config } from "@/lib/config";
import { markdownToText } from "@/lib/markdown";
import { firstParam, parsePage } from "@/lib/pagination";
import { getExpertBySlug } from "@/lib/people/public";
import { listByPerson } from "@/lib/stories/public";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const expert = await getExpertBySlug(slug);
  if (!expert) return { title: "Page not found" };
  const page = parsePage(firstParam(raw.page)) ?? 1;
  const role = [expert.jobTitle, expert.department, expert.institution].filter(Boolean).join(", ");
  const bio = markdownToText(expert.bio);
  return {
    title: page > 1 ? `${expert.name} (page ${page})` : expert.name,
    description: (role ? `${expert.name}, ${role}. ` : `${expert.name}. `) + (bio.length > 140 ? `${bio.slice(0, 137).trimEnd()}…` : bio),
    alternates: { canonical: page > 1 ? `/experts/${expert.slug}?page=${page}` : `/experts/${expert.slug}` },
    openGraph: { type: "profile", title: expert.name, images: expert.photoUrl ? [{ url: expert.photoUrl, alt: expert.name }] : undefined },
  };
}

export default async function ExpertPage({ params, searchParams }: Props) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const page = parsePage(raw.page);
  const expert = page === null ? null : await getExpertBySlug(slug);
  if (!expert || page === null) notFound();
  const stories = await listByPerson(expert.id, page);
  if (page > stories.totalPages) notFound();
  const contact = expert.mediaEmail || config().mediaEmail;

  return (
    <div className="container">
      <article className="expert-profile" aria-labelledby="expert-name">
        <header className="expert-profile__header">
          {expert.photoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- profile photos are pre-sized uploads
            <img src={expert.photoUrl} alt={`Portrait of ${expert.name}`} className="expert-profile__photo" />
          ) : null}
          <div>
            <h1 id="expert-name">{expert.name}</h1>
            <dl className="expert-profile__facts">
              {expert.jobTitle ? <><dt>Role</dt><dd>{expert.jobTitle}</dd></> : null}
              {expert.department ? <><dt>Department</dt><dd>{expert.department}</dd></> : null}
              {expert.institution ? <><dt>Institution</dt><dd>{expert.institution}</dd></> : null}
            </dl>
            {expert.availableForMedia ? <p className="badge">Available for media comment</p> : null}
          </div>
        </header>
        {expert.bio ? (
          <section aria-labelledby="bio-heading">
            <h2 id="bio-heading">Biography</h2>
            <Markdown source={expert.bio} />
          </section>
        ) : null}
        {expert.expertise.length ? (
          <section aria-labelledby="expertise-heading">
            <h2 id="expertise-heading">Expertise</h2>
            <ul className="tag-list">{expert.expertise.map((e) => <li key={e}>{e}</li>)}</ul>
          </section>
        ) : null}
        <section aria-labelledby="media-heading" className="notice">
          <h2 id="media-heading">Media enquiries</h2>
          <p>
            To arrange an interview with {expert.name}, email <a href={`mailto:${contact}`}>{contact}</a>.
          </p>
        </section>
      </article>
      <section className="section" aria-labelledby="stories-heading">
        <div className="section__head">
          <h2 id="stories-heading">Stories by {expert.name}</h2>
        </div>
        {stories.items.length ? <StoryCardGrid stories={stories.items} /> : <p>{expert.name} has not written any stories yet.</p>}
        <Pagination page={stories.page} totalPages={stories.totalPages} basePath={`/experts/${expert.slug}`} label={`Pages of stories by ${expert.name}`} />
      </section>
    </div>
  );
}
