import type { Metadata } from "next";
import Link from "next/link";
import { ModerationForm } from "@/components/admin/moderation-form";
import { COMMENT_STATUSES, type CommentStatus, listCommentsForModeration } from "@/lib/comments/moderation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/dates";
import { moderateCommentsAction } from "./actions";

export const metadata: Metadata = { title: "Comments" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CommentsPage({ searchParams }: Props) {
  await requirePageUser("editor");
  const params = await searchParams;
  const statusParam = typeof params.status === "string" ? params.status : "";
  const status = (COMMENT_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as CommentStatus) : undefined;
  const page = Number(params.page) || 1;
  const result = await listCommentsForModeration({ status, page });
  const href = (s: string, p = 1) => `/editor/comments?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <>
      <h1>Comments</h1>
      <nav aria-label="Filter comments" className="tabs">
        <ul>
          {[["", "All (pending first)"], ["pending", "Pending"], ["approved", "Approved"], ["rejected", "Rejected"]].map(([value, label]) => (
            <li key={value}>
              <Link href={href(value!)} aria-current={(status ?? "") === value ? "page" : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {result.comments.length === 0 ? (
        <p>No comments here.</p>
      ) : (
        <ModerationForm
          action={moderateCommentsAction}
          items={result.comments.map((c) => ({ id: c.id, storyTitle: c.storyTitle, storySlug: c.storySlug, name: c.name, body: c.body, status: c.status, when: formatDateTime(c.createdAt) }))}
        />
      )}
      {result.pageCount > 1 ? (
        <nav className="pagination" aria-label="Comment pages">
          <ul>
            {result.page > 1 ? <li><Link href={href(status ?? "", result.page - 1)}>Previous</Link></li> : null}
            <li><span aria-current="page">{result.page}</span></li>
            {result.page < result.pageCount ? <li><Link href={href(status ?? "", result.page + 1)}>Next</Link></li> : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
