import type { Metadata } from "next";
import Link from "next/link";
import { hasRole } from "@/lib/auth/guard";
import { requirePageUser } from "@/lib/auth/page-guard";
import { countPendingComments } from "@/lib/comments/moderation";
import { StoryDashboard } from "./stories/dashboard-section";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageUser("contributor");
  const isEditor = hasRole(user, "editor");
  const pending = isEditor ? await countPendingComments() : 0;
  return (
    <>
      <h1>Dashboard</h1>
      <p>Welcome, {user.name}.</p>
      <p>
        <Link href="/editor/stories/new" className="button">Write a new story</Link>
      </p>
      {/* story dashboard */}
      <StoryDashboard user={user} />
      {isEditor ? (
        <section className="section" aria-labelledby="moderation-heading">
          <div className="section__head">
            <h2 id="moderation-heading">Comments awaiting moderation</h2>
          </div>
          <p>
            {pending === 0 ? "No comments are waiting." : pending === 1 ? "1 comment is waiting." : `${pending} comments are waiting.`}{" "}
            {pending > 0 ? <Link href="/editor/comments">Moderate comments</Link> : null}
          </p>
        </section>
      ) : null}
      <section className="section" aria-labelledby="profile-heading">
        <div className="section__head">
          <h2 id="profile-heading">Your expert profile</h2>
        </div>
        <p>
          <Link href="/editor/people">Keep your expert profile up to date</Link> so journalists can find you.
        </p>
      </section>
    </>
  );
}
