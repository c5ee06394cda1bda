import { render, screen, within } from "@testing-library/react";
import NewsPage, { generateMetadata } from "@/app/(public)/news/page";
import { createStory, createTopic } from "../factories";
import { freshDb } from "../helpers/db";

const HOUR = 3_600_000;

function props(query: Record<string, string | string[]>) {
  return { searchParams: Promise.resolve(query) };
}

beforeEach(async () => {
  await freshDb();
});

describe("/news", () => {
  it("lists stories newest first with a count and numbered pagination", async () => {
    for (let i = 0; i < 13; i++) await createStory({ title: `Story ${String(i).padStart(2, "0")}`, publishAt: Date.now() - (i + 1) * HOUR });
    render(await NewsPage(props({})));
    expect(screen.getByRole("heading", { level: 1, name: "News and features" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "13 stories, page 1 of 2" })).toBeInTheDocument();
    const headlines = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headlines).toHaveLength(12);
    expect(headlines[0]).toBe("Story 00");
    const nav = screen.getByRole("navigation", { name: "Pages of stories" });
    expect(within(nav).getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByRole("link", { name: "Next page" })).toHaveAttribute("href", "/news?page=2");
  });

  it("combines type and topic filters, shows them, and keeps them in page links", async () => {
    const climate = await createTopic({ slug: "climate", name: "Climate" });
    for (let i = 0; i < 13; i++) await createStory({ type: "expert-comment", topics: [climate], publishAt: Date.now() - (i + 1) * HOUR });
    await createStory({ title: "Climate release", type: "news-release", topics: [climate] });
    await createStory({ title: "Other comment", type: "expert-comment" });
    render(await NewsPage(props({ type: "expert-comment", topic: "climate", page: "2" })));
    expect(screen.getByRole("heading", { level: 1, name: "Expert comment: Climate" })).toBeInTheDocument();
    expect(screen.getByText(/Showing/)).toHaveTextContent("Showing Expert comment on Climate. Clear filters");
    expect(screen.getByRole("heading", { level: 2, name: "13 stories, page 2 of 2" })).toBeInTheDocument();
    expect(screen.queryByText("Climate release")).toBeNull();
    expect(screen.queryByText("Other comment")).toBeNull();
    expect(screen.getByRole("link", { name: "Previous page" })).toHaveAttribute("href", "/news?type=expert-comment&topic=climate");
    expect(screen.getByRole("combobox", { name: "Type" })).toHaveValue("expert-comment");
    expect(screen.getByRole("combobox", { name: "Topic" })).toHaveValue("climate");
  });

  it("shows an empty state when nothing matches", async () => {
    await createStory({ type: "feature" });
    render(await NewsPage(props({ type: "audio" })));
    expect(screen.getByRole("heading", { level: 2, name: "0 stories" })).toBeInTheDocument();
    expect(screen.getByText("No stories match these filters yet.")).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "Pages of stories" })).toBeNull();
  });

  it("hides drafts, reviews, future and unpublished stories from the list and the count", async () => {
    await createStory({ title: "Public one" });
    await createStory({ title: "A draft", status: "draft" });
    await createStory({ title: "In review", status: "in-review" });
    await createStory({ title: "Future", status: "scheduled", publishAt: Date.now() + 24 * HOUR });
    await createStory({ title: "Withdrawn", status: "unpublished" });
    render(await NewsPage(props({})));
    expect(screen.getByRole("heading", { level: 2, name: "1 story" })).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["Public one"]);
  });

  it.each([
    [{ page: "-1" }],
    [{ page: "0" }],
    [{ page: "abc" }],
    [{ page: "2.5" }],
    [{ page: "99999" }],
    [{ page: ["1", "2"] }],
    [{ type: "opinion" }],
    [{ topic: "no-such-topic" }],
  ])("answers 404, never 500, for junk %j", async (query) => {
    await createStory();
    await expect(NewsPage(props(query))).rejects.toThrow("NEXT_NOT_FOUND");
    // Past the last page is only known after the query; the 404 page supplies its own title then.
    if (!("page" in query && query.page === "99999")) await expect(generateMetadata(props(query))).resolves.toMatchObject({ title: "Page not found" });
  });

  it("has a unique title, description and canonical per filter", async () => {
    await createTopic({ slug: "climate", name: "Climate" });
    const plain = await generateMetadata(props({}));
    const filtered = await generateMetadata(props({ type: "feature", topic: "climate", page: "2" }));
    expect(plain).toMatchObject({ title: "News and features", alternates: { canonical: "/news" } });
    expect(filtered).toMatchObject({ title: "Features: Climate (page 2)", alternates: { canonical: "/news?type=feature&topic=climate&page=2" } });
    expect(filtered.description).toContain("Climate");
  });
});
