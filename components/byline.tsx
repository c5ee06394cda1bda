
export type BylineAuthor = { name: string; slug: string; jobTitle: string; institution: string };

/** "By <name>, <role>, <institution>", each name linking to the expert's profile. */
export function Byline({ authors }: { authors: BylineAuthor[] }) {
  if (authors.length === 0) return null;
  return (
    <div className="byline">
      <span className="byline__by">By </span>
      <ul aria-label="Authors" className="byline__list">
        {authors.map((a) => (
          <li key={a.slug} className="byline__author">
            <a href={`/experts/${a.slug}`} className="byline__name">{a.name}</a>
            {a.jobTitle ? <span className="byline__role">, {a.jobTitle}</span> : null}
            {a.institution ? <span className="byline__institution">, {a.institution}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
