
export type PromoBlockData = { id: number; title: string; text: string; linkUrl: string; linkLabel: string; imageUrl: string | null; imageAlt: string };

/** One promo (open days, research, newspaper, student life): image, title, text, link. */
export function PromoBlock({ promo, headingLevel = 3 }: { promo: PromoBlockData; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card promo">
      {promo.imageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- promo art is a static or pre-sized upload
        <img src={promo.imageUrl} alt={promo.imageAlt} loading="lazy" decoding="async" />
      ) : null}
      <Heading>{promo.title}</Heading>
      {promo.text ? <p>{promo.text}</p> : null}
      <p>
        <a href={promo.linkUrl}>
          {promo.linkLabel}
          <span className="visually-hidden">: {promo.title}</span>
        </a>
      </p>
    </article>
  );
}

export function PromoList({ promos, headingLevel = 3 }: { promos: PromoBlockData[]; headingLevel?: 2 | 3 }) {
  if (promos.length === 0) return null;
  return (
    <ul className="card-grid promo-list">
      {promos.map((p) => (
        <li key={p.id}>
          <PromoBlock promo={p} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
