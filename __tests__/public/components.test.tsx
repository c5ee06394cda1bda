import { render, screen, within } from "@testing-library/react";
import { Byline } from "@/components/byline";
import { Figure } from "@/components/figure";
import { MediaPlayer } from "@/components/media-player";
import { pageWindow, Pagination } from "@/components/pagination";
import { RepublishPanel } from "@/components/republish-panel";
import { StoryCard } from "@/components/story-card";
import { SyndicationNote } from "@/components/syndication-note";
import { parseLocalDateTime } from "@/lib/dates";

// 22nd April 2024, 00:30 in London is still 21st April in UTC and New York.
const justAfterMidnight = parseLocalDateTime("2024-04-22T00:30", "Europe/London")!;

describe("StoryCard", () => {
  const story = {
    slug: "russia-and-the-taliban",
    type: "expert-comment" as const,
    title: "Russia and the Taliban",
    publishAt: justAfterMidnight,
    image: { url: "/img/a.jpg", alt: "A sign in front of a crowd", width: 600, height: 400 },
  };

  it("shows image, type label, headline link and British date in the site zone", () => {
    render(<StoryCard story={story} />);
    const article = screen.getByRole("article");
    expect(within(article).getByRole("img", { name: "A sign in front of a crowd" })).toHaveAttribute("loading", "lazy");
    expect(within(article).getByText("Expert comment")).toBeInTheDocument();
    expect(within(article).getByRole("heading", { level: 3, name: "Russia and the Taliban" })).toBeInTheDocument();
    expect(within(article).getByRole("link", { name: "Russia and the Taliban" })).toHaveAttribute("href", "/news/russia-and-the-taliban");
    expect(within(article).getByText("22nd April 2024")).toHaveAttribute("datetime", "2024-04-21T23:30:00.000Z");
  });

  it("works without an image and at another heading level", () => {
    render(<StoryCard story={{ ...story, image: null }} headingLevel={2} />);
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Russia and the Taliban");
  });
});

describe("Byline", () => {
  it("links each author to their profile with role and institution", () => {
    render(
      <Byline
        authors={[
          { name: "Intigam Mamedov", slug: "intigam-mamedov", jobTitle: "Postdoctoral research fellow", institution: "University of Harrowgate" },
          { name: "Ann Other", slug: "ann-other", jobTitle: "", institution: "Elsewhere" },
        ]}
      />,
    );
    const list = screen.getByRole("list", { name: "Authors" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole("link", { name: "Intigam Mamedov" })).toHaveAttribute("href", "/experts/intigam-mamedov");
    expect(items[0]).toHaveTextContent("Intigam Mamedov, Postdoctoral research fellow, University of Harrowgate");
    expect(items[1]).toHaveTextContent("Ann Other, Elsewhere");
  });

  it("renders nothing without authors", () => {
    const { container } = render(<Byline authors={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("Figure", () => {
  it("shows the image with caption and credit", () => {
    render(<Figure src="/a.jpg" alt="Seagrass" caption="Seagrass habitats are expanding." credit="Matthew Floyd, CC BY-ND" />);
    const figure = screen.getByRole("figure");
    expect(within(figure).getByRole("img", { name: "Seagrass" })).toBeInTheDocument();
    expect(figure.querySelector("figcaption")).toHaveTextContent("Seagrass habitats are expanding. Matthew Floyd, CC BY-ND");
    expect(within(figure).getByText("Matthew Floyd, CC BY-ND")).toHaveClass("credit");
  });

  it("leaves out an empty caption", () => {
    render(<Figure src="/a.jpg" alt="Seagrass" eager />);
    expect(screen.getByRole("figure").querySelector("figcaption")).toBeNull();
    expect(screen.getByRole("img")).toHaveAttribute("loading", "eager");
  });
});

describe("SyndicationNote", () => {
  it("names and links the original outlet and the licence", () => {
    render(<SyndicationNote source="The Conversation" url="https://theconversation.com/russia-123" licence="CC BY-ND 4.0" />);
    const note = screen.getByRole("complementary", { name: "Original publication" });
    expect(note).toHaveTextContent("This article was originally published in The Conversation.");
    expect(within(note).getByRole("link", { name: "The Conversation" })).toHaveAttribute("href", "https://theconversation.com/russia-123");
    expect(within(note).getByRole("link", { name: "CC BY-ND 4.0" })).toHaveAttribute("href", "https://creativecommons.org/licenses/by-nd/4.0/");
  });

  it("never turns a javascript: URL into a link", () => {
    render(<SyndicationNote source="Evil" url="javascript:alert(1)" licence={null} />);
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("Evil")).toBeInTheDocument();
  });
});

describe("Pagination", () => {
  it("numbers the pages, marks the current one and keeps other parameters", () => {
    render(<Pagination page={3} totalPages={10} basePath="/news" query={{ type: "feature", topic: "climate", page: "3" }} />);
    const nav = screen.getByRole("navigation", { name: "Pagination" });
    expect(within(nav).getByRole("link", { name: "Page 3" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByRole("link", { name: "Page 1" })).toHaveAttribute("href", "/news?type=feature&topic=climate");
    expect(within(nav).getByRole("link", { name: "Page 4" })).toHaveAttribute("href", "/news?type=feature&topic=climate&page=4");
    expect(within(nav).getByRole("link", { name: "Previous page" })).toHaveAttribute("href", "/news?type=feature&topic=climate&page=2");
    expect(within(nav).getByRole("link", { name: "Next page" })).toHaveAttribute("href", "/news?type=feature&topic=climate&page=4");
    expect(within(nav).getByRole("link", { name: "Page 10" })).toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Page 7" })).toBeNull();
  });

  it("has no previous link on the first page and no next link on the last", () => {
    const { rerender } = render(<Pagination page={1} totalPages={2} basePath="/news" />);
    expect(screen.queryByRole("link", { name: "Previous page" })).toBeNull();
    expect(screen.getByRole("link", { name: "Next page" })).toHaveAttribute("href", "/news?page=2");
    rerender(<Pagination page={2} totalPages={2} basePath="/news" />);
    expect(screen.queryByRole("link", { name: "Next page" })).toBeNull();
  });

  it("renders nothing for a single page", () => {
    const { container } = render(<Pagination page={1} totalPages={1} basePath="/news" />);
    expect(container).toBeEmptyDOMElement();
  });

  it("windows the page numbers", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(3, 10)).toEqual([1, 2, 3, 4, null, 10]);
  });
});

describe("RepublishPanel", () => {
  it("offers the licence and a labelled read-only snippet", () => {
    render(<RepublishPanel licence="CC BY-ND 4.0" canonicalUrl="http://localhost:3000/news/x" snippet="<article>…</article>" />);
    expect(screen.getByRole("heading", { level: 2, name: "Republish this story" })).toBeInTheDocument();
    const box = screen.getByRole("textbox", { name: "HTML to copy" });
    expect(box).toHaveAttribute("readonly");
    expect(box).toHaveValue("<article>…</article>");
    expect(screen.getByRole("link", { name: "CC BY-ND 4.0" })).toBeInTheDocument();
  });
});

describe("MediaPlayer", () => {
  it("plays video with native controls and shows the transcript", () => {
    const { container } = render(<MediaPlayer kind="video" src="/media/clip.mp4" title="Seagrass" transcript="Hello **there**." />);
    const video = container.querySelector("video");
    expect(video).toHaveAttribute("controls");
    expect(video).toHaveAttribute("src", "/media/clip.mp4");
    expect(screen.getByText("Transcript")).toBeInTheDocument();
    expect(screen.getByText("there").tagName).toBe("STRONG");
  });

  it("plays audio", () => {
    const { container } = render(<MediaPlayer kind="audio" src="/media/a.mp3" title="Podcast" transcript={null} />);
    expect(container.querySelector("audio")).toHaveAttribute("controls");
    expect(screen.getByRole("region", { name: "Audio: Podcast" })).toBeInTheDocument();
  });
});
