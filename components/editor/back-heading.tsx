import Link from "next/link";

/** The top of an editor form page: a link back to its list, then the page heading. */
export function BackHeading({ href, backLabel, heading }: { href: string; backLabel: string; heading: string }) {
  return (
    <>
      <p>
        <Link href={href}>{backLabel}</Link>
      </p>
      <h1>{heading}</h1>
    </>
  );
}
