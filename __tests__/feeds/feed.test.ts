import { createMedia, createPerson, createStory, createTopic } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { GET } from "@/app/feed.xml/route";
import { FEED_LIMIT } from "@/lib/feeds";
import { parseXml } from "./parse-xml";

const HOUR = 3_600_000;

beforeEach(async () => {
  await freshDb();
});

async function fetchFeed(query = "") {
  const response = await GET(new Request(`http://localhost:3000/feed.xml${query}`));
  const text = await response.text();
  return { response, text, doc: parseXml(text) };
}

function items(doc: Document) {
  return Array.from(doc.querySelectorAll("channel > item"));
}

const text = (node: Element, selector: string) => node.getElementsByTagName(selector)[0]?.textContent ?? null;

describe("/feed.xml", () => {
  it("is well-formed RSS 2.0 with every element a reader needs", async () => {
    const hero = await createMedia({ fileName: "h.jpg", url: "/uploads/h.jpg", mimeType: "image/jpeg", bytes: 12345, width: 1200, height: 800, altText: "A lab" });
    const author = await createPerson({ name: "Dr Ada Byte" });
    const coauthor = await createPerson({ name: "Prof. O'Neil & Sons" });
    const topic = await createTopic({ name: "Physics & Astronomy" });
    const story = await createStory({
      title: "Lasers <cut> through fog & rain",
      standfirst: "A new technique, explained.",
      heroImageId: hero.id,
      authors: [author, coauthor],
      topics: [topic],
      publishAt: Date.UTC(2024, 3, 22, 13, 30),
    });

    const { response, text: xml, doc } = await fetchFeed();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.nodeName).toBe("rss");
    expect(doc.documentElement.getAttribute("version")).toBe("2.0");
    const channel = doc.querySelector("rss > channel");
    expect(channel && text(channel, "title")).toBe("University of Harrowgate Newsroom");

    const [item] = items(doc);
    expect(item).toBeDefined();
    if (!item) return;
    const link = `http://localhost:3000/news/${story.slug}`;
    expect(text(item, "title")).toBe("Lasers <cut> through fog & rain");
    expect(text(item, "link")).toBe(link);
    expect(text(item, "guid")).toBe(link);
    expect(item.getElementsByTagName("guid")[0]?.getAttribute("isPermaLink")).toBe("true");
    expect(text(item, "pubDate")).toBe("Mon, 22 Apr 2024 13:30:00 GMT");
    expect(text(item, "description")).toBe("A new technique, explained.");
    expect(text(item, "author")).toBe("press@harrowgate.ac.uk (Dr Ada Byte, Prof. O'Neil & Sons)");
    expect(Array.from(item.getElementsByTagName("dc:creator")).map((n) => n.textContent)).toEqual(["Dr Ada Byte", "Prof. O'Neil & Sons"]);
    expect(Array.from(item.getElementsByTagName("category")).map((n) => n.textContent)).toEqual(["Physics & Astronomy"]);
    const enclosure = item.getElementsByTagName("enclosure")[0];
    expect(enclosure?.getAttribute("url")).toBe("http://localhost:3000/uploads/h.jpg");
    expect(enclosure?.getAttribute("length")).toBe("12345");
    expect(enclosure?.getAttribute("type")).toBe("image/jpeg");
  });

  it("lists public stories only, newest first, at most 30", async () => {
    for (let i = 0; i < FEED_LIMIT + 2; i += 1) await createStory({ title: `Public ${i}`, publishAt: Date.now() - (i + 1) * HOUR });
    await createStory({ title: "A draft", status: "draft", publishAt: Date.now() - 1000 });
    await createStory({ title: "In review", status: "in-review", publishAt: Date.now() - 1000 });
    await createStory({ title: "Withdrawn", status: "unpublished", publishAt: Date.now() - 1000 });
    await createStory({ title: "Embargoed", status: "scheduled", publishAt: Date.now() + HOUR });
    const titles = items((await fetchFeed()).doc).map((i) => text(i, "title"));
    expect(titles).toHaveLength(FEED_LIMIT);
    expect(titles[0]).toBe("Public 0");
    expect(titles[FEED_LIMIT - 1]).toBe(`Public ${FEED_LIMIT - 1}`);
    for (const hidden of ["A draft", "In review", "Withdrawn", "Embargoed"]) expect(titles).not.toContain(hidden);
  });

  it("filters by ?type= and names the type in the channel", async () => {
    await createStory({ title: "A release", type: "news-release" });
    await createStory({ title: "An opinion", type: "expert-comment" });
    const { doc } = await fetchFeed("?type=expert-comment");
    expect(items(doc).map((i) => text(i, "title"))).toEqual(["An opinion"]);
    const channel = doc.querySelector("rss > channel");
    expect(channel && text(channel, "title")).toBe("University of Harrowgate Newsroom: Expert comment");
  });

  it.each(["nonsense", "<script>", "../../etc"])("answers 404 for an unknown type %s", async (type) => {
    const { response } = await fetchFeed(`?type=${encodeURIComponent(type)}`);
    expect(response.status).toBe(404);
  });

  it("is still valid with no stories and omits optional elements", async () => {
    await createStory({ title: "Plain" });
    const { doc } = await fetchFeed();
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    const [item] = items(doc);
    expect(item?.getElementsByTagName("enclosure")).toHaveLength(0);
    expect(item?.getElementsByTagName("author")).toHaveLength(0);
    await freshDb();
    const empty = await fetchFeed();
    expect(empty.response.status).toBe(200);
    expect(items(empty.doc)).toHaveLength(0);
  });

  it("strips characters XML cannot carry", async () => {
    await createStory({ title: "Bell\u0007 and form\u000C feed" });
    const { doc } = await fetchFeed();
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(text(items(doc)[0] as Element, "title")).toBe("Bell and form feed");
  });

  it("filters by ?topic=<slug>, alone or with ?type=, and names the topic (issue 11)", async () => {
    const physics = await createTopic({ slug: "physics", name: "Physics" });
    const other = await createTopic({ slug: "history", name: "History" });
    await createStory({ title: "Lasers", type: "news-release", topics: [physics] });
    await createStory({ title: "Quarks, a view", type: "expert-comment", topics: [physics, other] });
    await createStory({ title: "Castles", type: "news-release", topics: [other] });
    await createStory({ title: "No topic" });

    const { response, doc } = await fetchFeed("?topic=physics");
    expect(response.status).toBe(200);
    expect(items(doc).map((i) => text(i, "title"))).toEqual(["Quarks, a view", "Lasers"]);
    const channel = doc.querySelector("rss > channel") as Element;
    expect(text(channel, "title")).toBe("University of Harrowgate Newsroom: Physics");
    expect(text(channel, "link")).toBe("http://localhost:3000/topics/physics");
    expect(channel.getElementsByTagName("atom:link")[0]?.getAttribute("href")).toBe("http://localhost:3000/feed.xml?topic=physics");

    const both = await fetchFeed("?type=expert-comment&topic=physics");
    expect(items(both.doc).map((i) => text(i, "title"))).toEqual(["Quarks, a view"]);
    const bothChannel = both.doc.querySelector("rss > channel") as Element;
    expect(text(bothChannel, "title")).toBe("University of Harrowgate Newsroom: Expert comment: Physics");
    expect(bothChannel.getElementsByTagName("atom:link")[0]?.getAttribute("href")).toBe("http://localhost:3000/feed.xml?type=expert-comment&topic=physics");
  });

  it.each(["nonsense", "<script>", "../../etc"])("answers 404 for an unknown topic %s", async (topic) => {
    await createTopic({ slug: "physics", name: "Physics" });
    const { response } = await fetchFeed(`?topic=${encodeURIComponent(topic)}`);
    expect(response.status).toBe(404);
  });
});
