import { HERO_SIZES, responsiveImage } from "@/lib/media/responsive";

/** An image with its caption and photo credit (the hero, or any figure outside Markdown). */
export function Figure({ src, alt, caption, credit, width, height, eager = false }: {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
  /** The hero image is above the fold: load it straight away. */
  eager?: boolean;
}) {
  const { srcSet } = responsiveImage(src, width ?? 0);
  return (
    <figure className="figure">
      {/* eslint-disable-next-line @next/next/no-img-element -- uploads are pre-sized variants */}
      <img
        src={src}
        alt={alt}
        width={width || undefined}
        height={height || undefined}
        {...(srcSet ? { srcSet, sizes: HERO_SIZES } : {})}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
      />
      {caption || credit ? (
        <figcaption>
          {caption}
          {caption && credit ? " " : null}
          {credit ? <span className="credit">{credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
