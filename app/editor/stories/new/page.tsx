import type { Metadata } from "next";
import Link from "next/link";
import { StoryForm } from "@/components/editor/story-form";
import { STORY_TYPES } from "@/lib/stories/labels";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getEditorChoices, ownPersonId } from "@/lib/stories/editor-reads";
import { STORY_TYPE_LABELS } from "@/lib/stories/labels";
import { createStoryAction } from "../actions";

export const metadata: Metadata = { title: "Write a new story" };

export default async function NewStoryPage() {
  const user = await requirePageUser("contributor");
  const pressOffice = can(user, "story.manage");
  const choices = await getEditorChoices();
  const me = await ownPersonId(user);
  return (
    <>
      <p>
        <Link href="/editor/stories">All stories</Link>
      </p>
      <h1>Write a new story</h1>
      <p>
        Start with a headline and your text; you can come back to it at any time. Republishing a piece from another outlet?{" "}
        <Link href="/editor/stories/import">Import it from the republishing snippet</Link>.
      </p>
      <StoryForm
        action={createStoryAction}
        initial={{
          type: pressOffice ? "news-release" : "expert-comment",
          authorIds: me === null ? [] : [String(me)],
          commentsEnabled: "on",
          republishLicence: "CC BY-ND 4.0",
        }}
        storyId={null}
        version={1}
        pressOffice={pressOffice}
        actions={[]}
        autosave={false}
        storyTypes={STORY_TYPES.map((t) => ({ value: t, label: STORY_TYPE_LABELS[t] }))}
        people={choices.people}
        topics={choices.topics}
        media={choices.media}
      />
    </>
  );
}
