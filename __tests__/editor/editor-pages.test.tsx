// jsdom has no TextEncoder, which next/server loads at import.
jest.mock("next/server", () => ({ connection: jest.fn(async () => undefined) }));
jest.mock("@/lib/mail", () => ({ sendMail: jest.fn(async () => ({ messageId: "test" })) }));

import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import EditStoryPage from "@/app/editor/stories/[id]/edit/page";
import StoryHistoryPage from "@/app/editor/stories/[id]/history/page";
import PreviewPage from "@/app/preview/[token]/page";
import { BodyEditor } from "@/components/editor/body-editor";
import { ConflictPanel } from "@/components/editor/conflict-panel";
import { saveStory } from "@/lib/stories/editor";
import { listRevisions } from "@/lib/stories/editor-reads";
import { createPreviewLink } from "@/lib/stories/preview";
import { storySchema } from "@/lib/stories/schema";
import { createRevision, createStory } from "../factories";
import { freshDb } from "../helpers/db";
import { actAs } from "../helpers/session";
import { cast, storyForm } from "./helpers";

beforeAll(() => freshDb());

const page = (id: number, search: Record<string, string> = {}) =>
  EditStoryPage({ params: Promise.resolve({ id: String(id) }), searchParams: Promise.resolve(search) });

describe("edit page", () => {
  test("straight after an import it lists the import notes", async () => {
    const people = await cast();
    const story = await createStory({ status: "draft", publishAt: null, createdBy: people.owner.id, authors: [people.ownerPerson] });
    await createRevision({ storyId: story.id, version: 1, reason: "import", note: "Dropped a photo credited to an agency.", createdBy: people.owner.id });
    actAs(people.owner);
    const { unmount } = render(await page(story.id, { imported: "1" }));
    expect(screen.getByRole("heading", { name: "Imported from the republishing snippet" })).toBeInTheDocument();
    expect(screen.getByText("Dropped a photo credited to an agency.")).toBeInTheDocument();
    unmount();
    render(await page(story.id));
    expect(screen.queryByRole("heading", { name: "Imported from the republishing snippet" })).toBeNull();
  });

  test("the owner gets the form without press-office controls; another contributor gets not-found; an editor gets publishing controls", async () => {
    const people = await cast();
    const story = await createStory({ status: "draft", publishAt: null, createdBy: people.owner.id, authors: [people.ownerPerson] });

    actAs(people.owner);
    const { unmount } = render(await page(story.id, { done: "save" }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(story.title);
    expect(screen.getByLabelText("Headline")).toHaveValue(story.title);
    expect(screen.getByRole("textbox", { name: "Article" })).toHaveValue(story.body);
    expect(screen.getByText("Your changes have been saved.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Submit for review" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Publish now" })).toBeNull();
    expect(screen.queryByLabelText(/Feature this story/)).toBeNull();
    expect(screen.queryByRole("heading", { name: /Share a preview/ })).toBeNull();
    unmount();

    actAs(people.other);
    await expect(page(story.id)).rejects.toThrow("NEXT_NOT_FOUND");

    actAs(people.editor);
    render(await page(story.id));
    expect(screen.getByRole("button", { name: "Publish now" })).toBeInTheDocument();
    expect(screen.getByLabelText(/Feature this story/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Publish at/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create preview link" })).toBeInTheDocument();
  });

  test("the history page lists revisions with restore buttons and shows a readable comparison", async () => {
    const people = await cast();
    const story = await createStory({ status: "draft", publishAt: null, createdBy: people.owner.id, authors: [people.ownerPerson] });
    const me = { id: people.editor.id, email: people.editor.email, name: people.editor.name, role: people.editor.role };
    await saveStory(storySchema.parse(storyForm(story, [people.ownerPerson.id], { body: "Old line" })), { user: me, ip: null });
    await saveStory(storySchema.parse(storyForm({ ...story, version: 2 }, [people.ownerPerson.id], { body: "New line" })), { user: me, ip: null });
    actAs(people.editor);
    const { getAllByRole } = render(
      await StoryHistoryPage({ params: Promise.resolve({ id: String(story.id) }), searchParams: Promise.resolve({}) }),
    );
    expect(getAllByRole("button", { name: /Restore version/ })).toHaveLength(1);
    const rows = screen.getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText("Ed Itor")).toBeInTheDocument();
    cleanup();

    const [newer, older] = await listRevisions(story.id);
    render(
      await StoryHistoryPage({
        params: Promise.resolve({ id: String(story.id) }),
        searchParams: Promise.resolve({ a: String(older!.id), b: String(newer!.id) }),
      }),
    );
    const article = screen.getByRole("region", { name: "Article" });
    expect(article.querySelector("del")).toHaveTextContent("Old line");
    expect(article.querySelector("ins")).toHaveTextContent("New line");
  });
});

describe("body editor", () => {
  test("the toolbar writes Markdown and the preview uses the public renderer", async () => {
    render(<BodyEditor defaultValue="" input={{ id: "field-body", name: "body" }} />);
    const text = screen.getByRole("textbox") as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: "important" } });
    text.setSelectionRange(0, 9);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Bold" })));
    expect(text.value).toBe("**important**");

    fireEvent.click(screen.getByRole("button", { name: "Figure" }));
    fireEvent.change(screen.getByLabelText(/Image web address/), { target: { value: "/uploads/river.webp" } });
    fireEvent.change(screen.getByLabelText(/Alt text/), { target: { value: "A river in flood" } });
    fireEvent.change(screen.getByLabelText("Caption"), { target: { value: "The Ouse in 2024" } });
    fireEvent.change(screen.getByLabelText(/Credit/), { target: { value: "Photo: Jane Doe" } });
    text.setSelectionRange(text.value.length, text.value.length);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Insert figure" })));
    expect(text.value).toContain('![A river in flood](/uploads/river.webp "The Ouse in 2024 | Photo: Jane Doe")');
    const preview = screen.getByRole("region", { name: "Preview" });
    expect(preview.querySelector("strong")).toHaveTextContent("important");
    expect(preview.querySelector("figcaption")).toHaveTextContent("The Ouse in 2024");
    expect(screen.getByText(/Accessibility check: no problems found/)).toBeInTheDocument();

    fireEvent.change(text, { target: { value: "[click here](/x)" } });
    expect(await screen.findByText(/Accessibility check: 1 problem/)).toBeInTheDocument();
  });
});

describe("conflict panel", () => {
  test("shows what the user typed beside the other person's version", () => {
    render(
      <ConflictPanel
        theirs={{ title: "Their headline", standfirst: "", body: "Their body", updatedAt: 0, updatedByName: "Ed Itor", version: 2 }}
        yours={{ title: "My headline", standfirst: "", body: "My body" }}
        savedAt="1st January 2025, 9am"
      />,
    );
    expect(screen.getByRole("heading", { name: /Their version \(saved by Ed Itor/ })).toBeInTheDocument();
    expect(screen.getByText("My body")).toBeInTheDocument();
    expect(screen.getByText("Their body")).toBeInTheDocument();
  });
});

describe("preview page", () => {
  test("renders the story read-only with a working token and 404s an unknown one", async () => {
    const people = await cast();
    const story = await createStory({ status: "draft", publishAt: null, body: "## Embargoed heading\n\nText.", authors: [people.ownerPerson] });
    const me = { id: people.editor.id, email: people.editor.email, name: people.editor.name, role: people.editor.role };
    const link = await createPreviewLink({ id: story.id, hours: 1 }, { user: me, ip: null });
    render(await PreviewPage({ params: Promise.resolve({ token: link.token }) }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(story.title);
    expect(screen.getByRole("heading", { level: 2, name: "Embargoed heading" })).toBeInTheDocument();
    expect(screen.getByText(/Preview under embargo/)).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).toBeNull();
    await expect(PreviewPage({ params: Promise.resolve({ token: "x".repeat(43) }) })).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
