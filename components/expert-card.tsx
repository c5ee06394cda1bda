
export type ExpertCardProps = {
  slug: string;
  name: string;
  jobTitle: string;
  department: string;
  photoUrl: string | null;
  expertise: string[];
  availableForMedia: boolean;
};

/** An entry in the expert directory. */
export function ExpertCard({ expert }: { expert: ExpertCardProps }) {
  return (
    <article className="card expert-card">
      {expert.photoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- profile photos are pre-sized uploads
        <img src={expert.photoUrl} alt="" loading="lazy" decoding="async" className="expert-card__photo" />
      ) : null}
      <h2 className="expert-card__name">
        <a href={`/experts/${expert.slug}`}>{expert.name}</a>
      </h2>
      {expert.jobTitle ? <p className="expert-card__role">{expert.jobTitle}</p> : null}
      {expert.department ? <p className="meta">{expert.department}</p> : null}
      {expert.expertise.length ? <p className="meta">Expertise: {expert.expertise.join(", ")}</p> : null}
      {expert.availableForMedia ? <p className="badge">Available for media comment</p> : null}
    </article>
  );
}
