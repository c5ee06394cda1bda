jest.mock("@/lib/mail", () => ({ sendMail: jest.fn(async () => ({ messageId: "test" })) }));

import { eq } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { stories } from "@/db/schema";
import { search } from "@/lib/search/public";
import { createDraft, saveStory } from "@/lib/stories/editor";
import { storySchema } from "@/lib/stories/schema";
import { createPerson, createUser } from "../factories";
import { freshDb } from "../helpers/db";

beforeEach(async () => {
  await freshDb();
});

/** The search index reads a plain-text copy of the body that the story writer derives (issue 11). */
describe("plain-text body on write", () => {
  it("create and save store the body without Markdown, and search follows", async () => {
    const user = await createUser({ role: "editor" });
    const me = { id: user.id, email: user.email, name: user.name, role: user.role };
    const author = await createPerson();
    const fields = {
      type: "news-release", title: "Kiwi count", standfirst: "", body: "## Kiwi\n\n**Bold** [birds](https://x.test/quokka)",
      heroImageId: null, authorIds: [author.id], topicIds: [], syndicationSource: null, syndicationUrl: null, syndicationLicence: null,
      mediaUrl: null, transcript: null, featured: false, seoDescription: null, republishLicence: "CC BY-ND 4.0", commentsEnabled: true,
    } as const;
    const { id, version } = await createDraft({ ...fields, slug: null, authorIds: [author.id], topicIds: [] }, { user: me, ip: null });
    const row = () => first(getDb().select().from(stories).where(eq(stories.id, id)).limit(1));
    expect((await row())?.bodyText).toBe("Kiwi\n\nBold birds");

    const input = storySchema.parse({ ...fields, id, version, authorIds: [String(author.id)], body: "> A *takahe* sighting" });
    await saveStory(input, { user: me, ip: null });
    expect((await row())?.bodyText).toBe("A takahe sighting");
    await getDb().update(stories).set({ status: "published", publishAt: Date.now() - 1000 }).where(eq(stories.id, id));
    expect((await search({ q: "takahe" })).total).toBe(1);
    expect((await search({ q: "quokka" })).total).toBe(0);
  });
});
