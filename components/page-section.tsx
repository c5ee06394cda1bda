import type { ReactNode } from "react";

type Props = {
  /** Stem of the heading's id (`<id>-heading`), which labels the section. */
  id: string;
  heading: ReactNode;
  /** An optional "see all" link beside the heading. */
  more?: { href: string; label: string };
  children: ReactNode;
};

/** A labelled section of a public page: heading row (with its "see all" link) and content. */
export function PageSection({ id, heading, more, children }: Props) {
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <div className="section__head">
        <h2 id={`${id}-heading`}>{heading}</h2>
        {more && <a href={more.href}>{more.label}</a>}
      </div>
      {children}
    </section>
  );
}
