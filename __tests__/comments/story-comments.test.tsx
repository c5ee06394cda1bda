import { render, screen, within } from "@testing-library/react";
import StoryPage from "@/app/(public)/news/[slug]/page";
import { createComment, createStory } from "../factories";
import { freshDb } from "../helpers/db";
import { setRequestHeaders } from "../helpers/stubs/next-headers";

// The page reads the CSP nonce that proxy.ts put on the request.
beforeEach(() => setRequestHeaders({ "x-nonce": "dGVzdC1ub25jZS0xMjM0" }));

beforeEach(async () => {
  await freshDb();
});

async function renderStory(slug: string) {
  return render(await StoryPage({ params: Promise.resolve({ slug }) }));
}

describe("comments on the story page", () => {
  it("shows approved comments (never e-mail addresses) and the form", async () => {
    const story = await createStory({ slug: "with-comments" });
    await createComment({ storyId: story.id, name: "Approved Reader", email: "approved@example.com", body: "Great read.", status: "approved" });
    await createComment({ storyId: story.id, name: "Pending Reader", email: "pending@example.com", body: "Awaiting moderation.", status: "pending" });
    const { container } = await renderStory("with-comments");
    const section = screen.getByRole("region", { name: "Comments" });
    expect(within(section).getByText("Approved Reader")).toBeInTheDocument();
    expect(within(section).getByText("Great read.")).toBeInTheDocument();
    expect(within(section).queryByText("Pending Reader")).toBeNull();
    expect(within(section).getByLabelText("Comment")).toBeInTheDocument();
    expect(container.innerHTML).not.toContain("@example.com");
  });

  it("has no comments section when comments are switched off", async () => {
    const story = await createStory({ slug: "no-comments", commentsEnabled: false });
    await createComment({ storyId: story.id, name: "Old Reader", email: "old@example.com", body: "Before closing.", status: "approved" });
    await renderStory("no-comments");
    expect(screen.queryByRole("region", { name: "Comments" })).toBeNull();
    expect(screen.queryByLabelText("Comment")).toBeNull();
    expect(screen.queryByText("Before closing.")).toBeNull();
  });
});
