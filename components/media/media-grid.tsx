import Link from "next/link";
import type { MediaCard } from "@/lib/media/view";

/** The library as cards: the picture, its alt text, caption and credit, and a link to edit them. */
export function MediaGrid({ items }: { items: MediaCard[] }) {
  return (
    <ul className="card-grid media-grid">
      {items.map((item) => (
        <li key={item.id} className="card">
          {/* eslint-disable-next-line @next/next/no-img-element -- uploads are already resized WebP variants */}
          <img src={item.thumbnailUrl} alt={item.altText} width={item.width} height={item.height} loading="lazy" />
          <p className="media-grid__alt">
            <span className="visually-hidden">Alt text: </span>
            {item.altText}
          </p>
          {item.caption ? <p className="meta">{item.caption}</p> : null}
          {item.credit ? <p className="meta">Credit: {item.credit}</p> : null}
          {item.rightsNote ? <p className={item.rightsExpired ? "field-error" : "meta"}>{item.rightsNote}</p> : null}
          <p>
            <Link href={`/editor/media/${item.id}`}>
              Edit details<span className="visually-hidden"> of “{item.altText}”</span>
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
