import { render, screen, within } from "@testing-library/react";
import { getDb } from "@/db/client";
import { storyViews } from "@/db/schema";
import { parseLocalDateTime } from "@/lib/dates";
import StoryPage, { generateMetadata } from "@/app/(public)/news/[slug]/page";
import { createComment, createEvent, createMedia, createPerson, createPromo, createSlugRedirect, createStory, createTopic } from "../factories";
import { freshDb } from "../helpers/db";
import { setRequestHeaders } from "../helpers/stubs/next-headers";

// The page reads the CSP nonce that proxy.ts put on the request.
beforeEach(() => setRequestHeaders({ "x-nonce": "dGVzdC1ub25jZS0xMjM0" }));

const DAY = 86_400_000;
// 22nd April 2024 at 00:30 in London: 21st April in UTC and in New York.
const publishAt = parseLocalDateTime("2024-04-22T00:30", "Europe/London")!;

function props(slug: string) {
  return { params: Promise.resolve({ slug }) };
}

async function seedStory(overrides: Parameters<typeof createStory>[0] = {}) {
  const author = await createPerson({ name: "Intigam Mamedov", slug: "intigam-mamedov", jobTitle: "Postdoctoral research fellow", institution: "University of Harrowgate" });
  const topic = await createTopic({ slug: "politics", name: "Politics" });
  const hero = await createMedia({ fileName: "h.jpg", url: "/uploads/h.jpg", mimeType: "image/jpeg", bytes: 1, width: 1200, height: 800, altText: "Kabul street", caption: "Afghanistan’s economy is in crisis.", credit: "Guido Schiefer/Alamy" });
  const story = await createStory({
    slug: "russia-and-the-taliban",
    type: "expert-comment",
    title: "Russia and the Taliban: why Putin wants to get closer",
    standfirst: "An expert discusses the relations between Putin and the Taliban.",
    body: "Opening paragraph.\n\n## Interests and goals\n\n> Real democracy in a multipolar world\n\n![Map](/uploads/map.png \"The corridor | Photo: Jane Doe\")\n\n<script>alert(1)</script>",
    publishAt,
    heroImageId: hero.id,
    authors: [author],
    topics: [topic],
    ...overrides,
  });
  return { story, author, topic };
}

beforeEach(async () => {
  await freshDb();
});

describe("story page", () => {
  it("renders every part of the model page", async () => {
    const { story, topic } = await seedStory({ syndicationSource: "The Conversation", syndicationUrl: "https://theconversation.com/x", syndicationLicence: "CC BY-ND 4.0" });
    await createStory({ title: "A related story", topics: [topic] });
    await createEvent({ title: "REVEAL: Fine Art", startsAt: Date.now() + 3 * DAY });
    await createPromo({ slot: "open-days", title: "Open days", text: "Visit us.", linkUrl: "/open-days" });

    const { container } = render(await StoryPage(props(story.slug)));

    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    const article = screen.getByRole("article", { name: /Russia and the Taliban/ });
    expect(within(article).getByText("Expert comment")).toBeInTheDocument();
    expect(within(article).getByText("22nd April 2024")).toBeInTheDocument();
    expect(within(article).getByText(/An expert discusses/)).toHaveClass("standfirst");
    expect(within(article).getByRole("link", { name: "Intigam Mamedov" })).toHaveAttribute("href", "/experts/intigam-mamedov");
    expect(within(article).getByText(/Postdoctoral research fellow/)).toBeInTheDocument();
    // Hero and in-body figures with caption and credit.
    expect(within(article).getByRole("img", { name: "Kabul street" })).toBeInTheDocument();
    expect(within(article).getByText("Guido Schiefer/Alamy")).toHaveClass("credit");
    expect(within(article).getByText("Photo: Jane Doe")).toHaveClass("credit");
    expect(within(article).getByRole("heading", { level: 2, name: "Interests and goals" })).toBeInTheDocument();
    expect(article.querySelector("blockquote")).toHaveTextContent("Real democracy");
    expect(container.innerHTML).not.toContain("alert(1)");
    // Syndicated: the note, and no republish panel (not ours to relicense).
    expect(within(article).getByText(/This article was originally published in/)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Republish this story" })).toBeNull();
    expect(within(article).getByRole("link", { name: "Politics" })).toHaveAttribute("href", "/topics/politics");
    // Surroundings.
    expect(screen.getByRole("heading", { name: "Related stories" })).toBeInTheDocument();
    expect(screen.getAllByRole("link", { name: "A related story" }).length).toBeGreaterThan(0);
    expect(screen.getByRole("heading", { name: "Latest news and features" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "REVEAL: Fine Art" })).toHaveAttribute("href", expect.stringMatching(/^\/events\//));
    expect(screen.getByRole("heading", { level: 3, name: "Open days" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to top" })).toHaveAttribute("href", "#top");
  });

  it("offers the republish snippet for our own stories", async () => {
    const { story } = await seedStory();
    render(await StoryPage(props(story.slug)));
    const snippet = screen.getByRole("textbox", { name: "HTML to copy" }) as HTMLTextAreaElement;
    expect(snippet.value).toContain("<h1>Russia and the Taliban: why Putin wants to get closer</h1>");
    expect(snippet.value).toContain("By Intigam Mamedov, Postdoctoral research fellow, University of Harrowgate");
    expect(snippet.value).toContain('<a href="http://localhost:3000/news/russia-and-the-taliban">');
    expect(snippet.value).toContain('<img src="http://localhost:3000/news/russia-and-the-taliban/republish-counter.gif" alt="" width="1" height="1">');
    expect(snippet.value).toContain('src="http://localhost:3000/uploads/map.png"');
    expect(snippet.value).not.toContain("<script");
    expect(screen.getAllByRole("link", { name: "CC BY-ND 4.0" }).length).toBeGreaterThan(0);
  });

  it("plays video stories with their transcript", async () => {
    const { story } = await seedStory({ type: "video", mediaUrl: "/uploads/clip.mp4", transcript: "Spoken words." });
    const { container } = render(await StoryPage(props(story.slug)));
    expect(container.querySelector("video[controls]")).toHaveAttribute("src", "/uploads/clip.mp4");
    expect(screen.getByText("Spoken words.")).toBeInTheDocument();
  });

  it("gives a video the captions an editor uploaded, as an English track on by default (issue 11)", async () => {
    const captionsUrl = `/uploads/${"c".repeat(32)}.vtt`;
    const { story } = await seedStory({ type: "video", mediaUrl: "/uploads/clip.mp4", transcript: "Spoken words.", captionsUrl });
    const { container } = render(await StoryPage(props(story.slug)));
    const track = container.querySelector("video[controls] > track");
    expect(track).toHaveAttribute("src", captionsUrl);
    expect(track).toHaveAttribute("kind", "captions");
    expect(track).toHaveAttribute("srclang", "en");
    expect(track).toHaveAttribute("label", "English");
    expect(track).toHaveAttribute("default");
  });

  it("shows approved comments and the form when comments are on, neither when off", async () => {
    const { story } = await seedStory();
    await createComment({ storyId: story.id, name: "Approved Reader", email: "a@example.com", body: "Good piece.", status: "approved" });
    await createComment({ storyId: story.id, name: "Pending Reader", email: "p@example.com", body: "Wait.", status: "pending" });
    const { unmount } = render(await StoryPage(props(story.slug)));
    expect(screen.getByRole("heading", { level: 2, name: "Comments" })).toBeInTheDocument();
    expect(screen.getByText("Good piece.")).toBeInTheDocument();
    expect(screen.queryByText("Wait.")).toBeNull();
    expect(screen.queryByText("a@example.com")).toBeNull();
    expect(screen.getByRole("textbox", { name: /Comment/ })).toBeInTheDocument();
    unmount();

    const closed = await createStory({ slug: "closed", commentsEnabled: false });
    render(await StoryPage(props(closed.slug)));
    expect(screen.queryByRole("heading", { name: "Comments" })).toBeNull();
  });

  it("leaves counting views to the server, which sees cached pages too: a render records none", async () => {
    const { story } = await seedStory();
    render(await StoryPage(props(story.slug)));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(story.title);
    expect(await getDb().select().from(storyViews)).toEqual([]);
    expect(document.querySelector('img[src$="/view.gif"]')).toBeNull(); // VIEW_COUNTING=server: no beacon
  });

  it("redirects an old slug permanently to the current one", async () => {
    const { story } = await seedStory();
    await createSlugRedirect({ oldSlug: "old-russia", storyId: story.id });
    await expect(StoryPage(props("old-russia"))).rejects.toThrow("NEXT_REDIRECT 308 /news/russia-and-the-taliban");
  });

  it.each([
    ["draft", { status: "draft" as const }],
    ["in review", { status: "in-review" as const }],
    ["scheduled in the future", { status: "scheduled" as const, publishAt: Date.now() + DAY }],
    ["unpublished", { status: "unpublished" as const }],
  ])("is not found when %s, and records nothing", async (_label, overrides) => {
    const { story } = await seedStory(overrides);
    await createSlugRedirect({ oldSlug: "old-hidden", storyId: story.id });
    await expect(StoryPage(props(story.slug))).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(StoryPage(props("old-hidden"))).rejects.toThrow("NEXT_NOT_FOUND");
    expect(await getDb().select().from(storyViews)).toEqual([]);
  });

  it("has metadata with canonical, Open Graph and Twitter card", async () => {
    const { story } = await seedStory();
    const meta = await generateMetadata(props(story.slug));
    expect(meta.title).toBe("Russia and the Taliban: why Putin wants to get closer");
    expect(meta.description).toBe("An expert discusses the relations between Putin and the Taliban.");
    expect(meta.alternates?.canonical).toBe("/news/russia-and-the-taliban");
    expect(meta.openGraph).toMatchObject({ type: "article", images: [{ url: "/uploads/h.jpg", alt: "Kabul street", width: 1200, height: 800 }] });
    expect(meta.twitter).toMatchObject({ card: "summary_large_image" });
  });

  it("embeds OpinionNewsArticle JSON-LD with escaped text", async () => {
    const { story } = await seedStory({ title: "Why </script><script>alert(1)</script> matters" });
    const { container } = render(await StoryPage(props(story.slug)));
    const script = container.querySelector('script[type="application/ld+json"]');
    expect(script?.innerHTML).not.toContain("</script");
    // Every inline script the app writes carries this response's CSP nonce.
    expect(script?.getAttribute("nonce")).toBe("dGVzdC1ub25jZS0xMjM0");
    const data = JSON.parse(script!.textContent!);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "OpinionNewsArticle",
      headline: "Why </script><script>alert(1)</script> matters",
      datePublished: "2024-04-21T23:30:00.000Z",
      image: ["http://localhost:3000/uploads/h.jpg"],
      author: [{ "@type": "Person", name: "Intigam Mamedov", url: "http://localhost:3000/experts/intigam-mamedov" }],
      publisher: { "@type": "Organization" },
    });
    expect(data.dateModified).toEqual(expect.any(String));
  });
});
