import Link from "next/link";

type Props = {
  heading: string;
  /** Where the "new" button goes, and its text. */
  newHref: string;
  newLabel: string;
  /** A success message after a redirect (deleted, closed…), announced as a status. */
  notice?: string;
};

/** The top of an editor list page: its heading, an optional success notice and the "new" button. */
export function ListHeader({ heading, newHref, newLabel, notice }: Props) {
  return (
    <>
      <h1>{heading}</h1>
      {notice && (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      )}
      <p>
        <Link href={newHref} className="button">
          {newLabel}
        </Link>
      </p>
    </>
  );
}
