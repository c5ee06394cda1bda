import { render, screen, within } from "@testing-library/react";
import SearchPage, { generateMetadata } from "@/app/(public)/search/page";
import { createEvent, createOpenDay, createStory } from "../factories";
import { freshDb } from "../helpers/db";

beforeEach(async () => {
  await freshDb();
});

const props = (params: Record<string, string | string[]>) => ({ searchParams: Promise.resolve(params) });

async function renderSearch(params: Record<string, string | string[]> = {}) {
  return render(await SearchPage(props(params)));
}

describe("/search", () => {
  it("offers a labelled GET form with kind and type filters", async () => {
    const { container } = await renderSearch();
    expect(screen.getByRole("heading", { level: 1, name: "Search" })).toBeInTheDocument();
    const form = screen.getByRole("search");
    expect(form).toHaveAttribute("method", "get");
    expect(form).toHaveAttribute("action", "/search");
    expect(within(form).getByLabelText("Search news, events and experts")).toHaveAttribute("type", "search");
    expect(within(form).getByLabelText("Show")).toHaveAttribute("name", "kind");
    expect(within(form).getByLabelText("Story type")).toHaveAttribute("name", "type");
    expect(container.querySelector("#results-heading")).toBeNull();
  });

  it("lists results with kind label, link, date and an escaped, highlighted snippet", async () => {
    await createStory({ slug: "comet", title: "Comet <b>spotted</b>", standfirst: "Astronomers saw a comet & cheered.", publishAt: Date.UTC(2024, 3, 22, 12) });
    await createEvent({ slug: "comet-talk", title: "Comet talk", startsAt: Date.UTC(2030, 0, 7, 18) });
    const { container } = await renderSearch({ q: "comet" });
    expect(screen.getByRole("heading", { level: 2, name: "2 results for “comet”" })).toBeInTheDocument();
    const story = screen.getByRole("link", { name: "Comet <b>spotted</b>" });
    expect(story).toHaveAttribute("href", "/news/comet");
    const storyItem = story.closest("article") as HTMLElement;
    expect(within(storyItem).getByText("News release")).toBeInTheDocument();
    expect(within(storyItem).getByText("22nd April 2024")).toBeInTheDocument();
    expect(storyItem.querySelector(".search-result__snippet")?.innerHTML).toBe("Astronomers saw a <mark>comet</mark> &amp; cheered.");
    expect(container.querySelector(".search-result b")).toBeNull();
    const event = screen.getByRole("link", { name: "Comet talk" }).closest("article") as HTMLElement;
    expect(within(event).getByText("Event")).toBeInTheDocument();
    expect(within(event).getByText("Monday 7th January 2030")).toBeInTheDocument();
  });

  it("shows an empty state for no matches and for queries with nothing searchable", async () => {
    await createStory({ title: "Comet" });
    for (const q of ["nebula", '"*()', "🔭", "x".repeat(2000)]) {
      const { unmount } = await renderSearch({ q });
      expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(/^0 results for/);
      expect(screen.getByText(/Nothing matched your search/)).toBeInTheDocument();
      unmount();
    }
  });

  it("keeps the filters in the form and paginates with them", async () => {
    for (let i = 0; i < 12; i += 1) await createStory({ title: `Comet ${i}`, type: "feature" });
    await renderSearch({ q: "comet", kind: "story", type: "feature" });
    expect(screen.getByLabelText("Show")).toHaveValue("story");
    expect(screen.getByLabelText("Story type")).toHaveValue("feature");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("12 results");
    const nav = screen.getByRole("navigation", { name: "Search results pages" });
    expect(within(nav).getByRole("link", { name: /Next/ })).toHaveAttribute("href", "/search?q=comet&kind=story&type=feature&page=2");
  });

  it("ignores unknown filters and answers 404 for a junk page number", async () => {
    await createStory({ title: "Comet" });
    await renderSearch({ q: "comet", kind: "<script>", type: "nonsense" });
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("1 result for");
    await expect(SearchPage(props({ q: "comet", page: "-1" }))).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("says so on a page past the end", async () => {
    await createStory({ title: "Comet" });
    await renderSearch({ q: "comet", page: "5" });
    expect(screen.getByText(/no results on this page/)).toBeInTheDocument();
  });

  it("has a canonical link and keeps result pages out of search engines", async () => {
    const empty = await generateMetadata(props({}));
    expect(empty.alternates?.canonical).toBe("/search");
    expect(empty.robots).toBeUndefined();
    const results = await generateMetadata(props({ q: "comet" }));
    expect(results.title).toBe("Search results for “comet”");
    expect(results.robots).toEqual({ index: false, follow: true });
  });

  it("offers a 'Did you mean' link when nothing matched a misspelt query, keeping the filters", async () => {
    await createStory({ title: "Glacier retreat measured" });
    await renderSearch({ q: "glaceir", kind: "story" });
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(/^0 results for/);
    const link = screen.getByRole("link", { name: "glacier" });
    expect(link).toHaveAttribute("href", "/search?q=glacier&kind=story");
    expect(link.closest("p")).toHaveTextContent("Did you mean glacier?");
  });

  it("finds open days, with an Open days filter", async () => {
    await createOpenDay({ slug: "riverside-day", title: "Riverside open day" });
    await renderSearch({ q: "riverside" });
    expect(screen.getByRole("link", { name: "Riverside open day" })).toHaveAttribute("href", "/open-days/riverside-day");
    expect(within(screen.getByLabelText("Show")).getByRole("option", { name: "Open days" })).toHaveAttribute("value", "open-day");
  });
});
