import { render, screen, within } from "@testing-library/react";
import HomePage, { generateMetadata as homeMetadata } from "@/app/(public)/page";
import ExpertsPage from "@/app/(public)/experts/page";
import ExpertPage, { generateMetadata as expertMetadata } from "@/app/(public)/experts/[slug]/page";
import TopicPage, { generateMetadata as topicMetadata } from "@/app/(public)/topics/[slug]/page";
import { recordView } from "@/lib/stories/views";
import { createEvent, createPerson, createPromo, createStory, createTopic } from "../factories";
import { freshDbPerTest } from "../helpers/db";
import { DAY, HOUR } from "../helpers/time";

freshDbPerTest();

describe("home page", () => {
  it("shows the featured story, latest, expert comment, events, promos and most read, each linking on", async () => {
    await createStory({ title: "Newest news", publishAt: Date.now() - HOUR });
    const featured = await createStory({ title: "Chosen feature", type: "feature", featured: true, publishAt: Date.now() - 2 * DAY });
    await createStory({ title: "A comment", type: "expert-comment", publishAt: Date.now() - 2 * HOUR });
    await createStory({ title: "Secret draft", status: "draft", featured: true });
    for (let i = 0; i < 5; i++) await createEvent({ title: `Event ${i}`, startsAt: Date.now() + (i + 1) * DAY });
    await createPromo({ slot: "open-days", title: "Come to an open day", linkUrl: "/open-days" });
    await createPromo({ slot: "research", title: "Research that matters", linkUrl: "/research" });
    await recordView(featured.id);

    render(await HomePage());
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    const featuredSection = screen.getByRole("region", { name: "Featured story" });
    expect(within(featuredSection).getByRole("link", { name: "Chosen feature" })).toHaveAttribute("href", `/news/${featured.slug}`);

    const latest = screen.getByRole("region", { name: "Latest news and features" });
    expect(within(latest).getByRole("link", { name: "Newest news" })).toBeInTheDocument();
    expect(within(latest).queryByRole("link", { name: "Chosen feature" })).toBeNull();
    expect(within(latest).getByRole("link", { name: "All news and features" })).toHaveAttribute("href", "/news");

    const comment = screen.getByRole("region", { name: "Expert comment" });
    expect(within(comment).getByRole("link", { name: "A comment" })).toBeInTheDocument();
    expect(within(comment).getByRole("link", { name: "All expert comment" })).toHaveAttribute("href", "/news?type=expert-comment");

    const events = screen.getByRole("region", { name: "Upcoming events" });
    expect(within(events).getAllByRole("listitem")).toHaveLength(4);
    expect(within(events).getByRole("link", { name: "All events" })).toHaveAttribute("href", "/events");

    expect(screen.getByRole("heading", { name: "Come to an open day" })).toBeInTheDocument();
    const mostRead = screen.getByRole("region", { name: "Most read this week" });
    expect(within(mostRead).getByRole("link", { name: "Chosen feature" })).toBeInTheDocument();
    expect(screen.queryByText("Secret draft")).toBeNull();
  });

  it("has a title and canonical", () => {
    expect(homeMetadata()).toMatchObject({ alternates: { canonical: "/" } });
  });
});

describe("experts", () => {
  it("filters the directory by expertise, department and availability", async () => {
    await createPerson({ name: "Ada Rivers", expertise: ["Floods"], department: "Geography", availableForMedia: true });
    await createPerson({ name: "Ben Courts", expertise: ["Law"], department: "Law" });
    render(await ExpertsPage({ searchParams: Promise.resolve({ expertise: "Floods", available: "yes" }) }));
    expect(screen.getByRole("heading", { level: 1, name: "Find an expert" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Ada Rivers" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Ben Courts" })).toBeNull();
    expect(screen.getByRole("checkbox", { name: "Available for media comment" })).toBeChecked();
    expect(screen.getByRole("status")).toHaveTextContent("1 expert matches these filters.");
  });

  it("shows a profile with media contact and paginated public stories", async () => {
    const ada = await createPerson({ slug: "ada", name: "Ada Rivers", jobTitle: "Professor", department: "Geography", institution: "Harrowgate", bio: "Studies *floods*.", expertise: ["Floods"] });
    for (let i = 0; i < 13; i++) await createStory({ title: `Ada ${i}`, authors: [ada], publishAt: Date.now() - (i + 1) * HOUR });
    await createStory({ title: "Ada draft", authors: [ada], status: "draft" });
    render(await ExpertPage({ params: Promise.resolve({ slug: "ada" }), searchParams: Promise.resolve({ page: "2" }) }));
    expect(screen.getByRole("heading", { level: 1, name: "Ada Rivers" })).toBeInTheDocument();
    expect(screen.getByText("Professor")).toBeInTheDocument();
    expect(screen.getByText("floods").tagName).toBe("EM");
    expect(screen.getByRole("link", { name: "press@harrowgate.ac.uk" })).toHaveAttribute("href", "mailto:press@harrowgate.ac.uk");
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["Ada 12"]);
    expect(screen.getByRole("link", { name: "Page 1" })).toHaveAttribute("href", "/experts/ada");
    expect(screen.queryByText("Ada draft")).toBeNull();
    expect(await expertMetadata({ params: Promise.resolve({ slug: "ada" }), searchParams: Promise.resolve({}) })).toMatchObject({
      title: "Ada Rivers",
      alternates: { canonical: "/experts/ada" },
    });
  });

  it("uses the expert's own media e-mail when set, and 404s unknown or junk", async () => {
    await createPerson({ slug: "bo", name: "Bo", mediaEmail: "bo@harrowgate.ac.uk" });
    render(await ExpertPage({ params: Promise.resolve({ slug: "bo" }), searchParams: Promise.resolve({}) }));
    expect(screen.getByRole("link", { name: "bo@harrowgate.ac.uk" })).toBeInTheDocument();
    await expect(ExpertPage({ params: Promise.resolve({ slug: "nobody" }), searchParams: Promise.resolve({}) })).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(ExpertPage({ params: Promise.resolve({ slug: "bo" }), searchParams: Promise.resolve({ page: "-1" }) })).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(ExpertPage({ params: Promise.resolve({ slug: "bo" }), searchParams: Promise.resolve({ page: "5" }) })).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

describe("topic page", () => {
  it("shows the description and public stories on the topic", async () => {
    const t = await createTopic({ slug: "oceans", name: "Oceans", description: "Seas, coasts and **seagrass**." });
    await createStory({ title: "Seagrass spreads", topics: [t] });
    await createStory({ title: "Hidden", topics: [t], status: "in-review" });
    await createStory({ title: "Elsewhere" });
    render(await TopicPage({ params: Promise.resolve({ slug: "oceans" }), searchParams: Promise.resolve({}) }));
    expect(screen.getByRole("heading", { level: 1, name: "Oceans" })).toBeInTheDocument();
    expect(screen.getByText("seagrass").tagName).toBe("STRONG");
    expect(screen.getByRole("heading", { level: 2, name: "1 story" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Seagrass spreads" })).toBeInTheDocument();
    expect(screen.queryByText("Hidden")).toBeNull();
    expect(screen.queryByText("Elsewhere")).toBeNull();
    expect(await topicMetadata({ params: Promise.resolve({ slug: "oceans" }), searchParams: Promise.resolve({}) })).toMatchObject({
      title: "Oceans",
      description: "Seas, coasts and seagrass.",
      alternates: { canonical: "/topics/oceans" },
    });
  });

  it("404s an unknown topic or junk page", async () => {
    await createTopic({ slug: "oceans" });
    await expect(TopicPage({ params: Promise.resolve({ slug: "nope" }), searchParams: Promise.resolve({}) })).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(TopicPage({ params: Promise.resolve({ slug: "oceans" }), searchParams: Promise.resolve({ page: "x" }) })).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
