import { formatDateTime, isoDateTime } from "@/lib/dates";

/** Only what the public may see: no e-mail address ever reaches this component. */
export type CommentView = { id: number; name: string; body: string; createdAt: number };

/** Readers' text is shown as plain paragraphs (React escapes it), never as HTML or Markdown. */
function paragraphs(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function CommentList({ comments }: { comments: CommentView[] }) {
  if (comments.length === 0) return <p>No comments yet.</p>;
  return (
    <ol className="comment-list">
      {comments.map((c) => (
        <li key={c.id} className="comment">
          <article aria-label={`Comment by ${c.name}`}>
            <p className="comment__name">{c.name}</p>
            <p className="meta">
              <time dateTime={isoDateTime(c.createdAt)}>{formatDateTime(c.createdAt)}</time>
            </p>
            <div className="comment__body">
              {paragraphs(c.body).map((p, i) => (
                <p key={i}>
                  {p.split(/\r?\n/).flatMap((line, j) => (j === 0 ? [line] : [<br key={j} />, line]))}
                </p>
              ))}
            </div>
          </article>
        </li>
      ))}
    </ol>
  );
}
