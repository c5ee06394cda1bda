import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getStoryForEditor } from "@/lib/stories/editor-reads";

export type StoryPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The signed-in user and the story of a /editor/stories/[id]/… page; a bad id or a story
 * the user may not see is a 404, so the page cannot tell the two apart.
 */
export async function loadEditorStory(params: StoryPageProps["params"]) {
  const user = await requirePageUser("contributor");
  const { id } = await params;
  const storyId = Number(id);
  const story = Number.isInteger(storyId) && storyId > 0 ? await getStoryForEditor(storyId, user) : null;
  if (!story) notFound();
  return { user, story };
}
