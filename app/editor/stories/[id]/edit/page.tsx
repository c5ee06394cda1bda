import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { PreviewLinkForm } from "@/components/editor/preview-link-form";
import { CaptionsForm } from "@/components/media/captions-form";
import { StoryForm } from "@/components/editor/story-form";
import { STORY_TYPES } from "@/lib/stories/labels";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/dates";
import { getEditorChoices, listRevisions, storyFormValues } from "@/lib/stories/editor-reads";
import { STORY_TYPE_LABELS } from "@/lib/stories/labels";
import { STATUS_LABELS } from "@/lib/stories/workflow";
import { createPreviewLinkAction, saveStoryAction } from "../../actions";
import { loadEditorStory, type StoryPageProps } from "../load-story";
import { removeCaptionsAction, uploadCaptionsAction } from "../../../media/actions";

export const metadata: Metadata = { title: "Edit story" };

const DONE: Record<string, string> = {
  created: "Draft created. It is saved automatically as you work.",
  save: "Your changes have been saved.",
  submit: "Submitted for review. The press office will read it and publish it or send it back with a note.",
  return: "Returned to the author with your note. They have been sent an e-mail.",
  publish: "Published. The story is now on the public site.",
  schedule: "Scheduled. The story will publish itself at the time you chose.",
  unpublish: "Unpublished. The story is no longer on the public site.",
  "schedule-unpublish": "The unpublish time has been set.",
};

export default async function EditStoryPage({ params, searchParams }: StoryPageProps) {
  const { user, story } = await loadEditorStory(params);
  const { done, imported } = await searchParams;
  const pressOffice = can(user, "story.manage");
  const choices = await getEditorChoices();
  // Straight after an import, show what the import changed or dropped (kept as the import revision's note).
  const importNotes = imported === "1" ? (await listRevisions(story.id)).find((r) => r.reason === "import")?.note : null;

  return (
    <>
      <p>
        <Link href="/editor/stories">All stories</Link>
      </p>
      <h1>{story.editable ? "Edit story" : "Story"}: {story.title}</h1>
      <p className="meta">
        Status: <strong>{STATUS_LABELS[story.status]}</strong>
        {story.status === "scheduled" && story.publishAt ? ` for ${formatDateTime(story.publishAt)}` : ""}
        {story.unpublishAt ? ` · unpublishes ${formatDateTime(story.unpublishAt)}` : ""} · last saved {formatDateTime(story.updatedAt)} ·{" "}
        <Link href={`/editor/stories/${story.id}/history`}>History and earlier versions</Link>
        {story.isPublic ? (
          <>
            {" "}· <Link href={`/news/${story.slug}`}>View on the public site</Link>
          </>
        ) : null}
      </p>
      {importNotes ? (
        <div className="notice" role="status">
          <h2>Imported from the republishing snippet</h2>
          <p className="pre-line">{importNotes}</p>
        </div>
      ) : null}
      {story.status === "draft" && story.workflowNote ? (
        <div className="notice" role="note">
          <h2>Returned to {story.owner ? "you" : "the author"} with a note</h2>
          <p className="pre-line">{story.workflowNote}</p>
        </div>
      ) : null}
      {story.status === "in-review" && story.workflowNote ? (
        <div className="notice" role="note">
          <h2>Note from the author</h2>
          <p className="pre-line">{story.workflowNote}</p>
        </div>
      ) : null}

      {story.editable ? (
        <StoryForm
          key={story.version}
          action={saveStoryAction}
          initial={storyFormValues(story)}
          storyId={story.id}
          version={story.version}
          pressOffice={pressOffice}
          actions={story.actions}
          autosave={story.status !== "published" && story.status !== "scheduled"}
          notice={typeof done === "string" ? DONE[done] : undefined}
          storyTypes={STORY_TYPES.map((t) => ({ value: t, label: STORY_TYPE_LABELS[t] }))}
          people={choices.people}
          topics={choices.topics}
          media={choices.media}
        />
      ) : (
        <>
          <div className="notice" role="status">
            <p>
              {typeof done === "string" && DONE[done] ? `${DONE[done]} ` : ""}
              This story is with the press office, so it cannot be changed now. It will come back to you if changes are needed.
            </p>
          </div>
          {story.standfirst ? <p className="standfirst">{story.standfirst}</p> : null}
          <Markdown source={story.body} />
        </>
      )}

      {story.editable && story.type === "video" ? (
        <section className="section" aria-labelledby="captions-heading">
          <h2 id="captions-heading">Captions</h2>
          <CaptionsForm upload={uploadCaptionsAction.bind(null, story.id)} remove={removeCaptionsAction.bind(null, story.id)} captionsUrl={story.captionsUrl} />
        </section>
      ) : null}

      {pressOffice ? (
        <section className="section" aria-labelledby="preview-link-heading">
          <div className="section__head">
            <h2 id="preview-link-heading">Share a preview under embargo</h2>
          </div>
          <p>Create a private, read-only link that shows the story as saved to a journalist before it is published. It stops working after the time you choose.</p>
          <PreviewLinkForm storyId={story.id} action={createPreviewLinkAction} />
        </section>
      ) : null}
    </>
  );
}
