import { getDashboard, listEditorStories } from "@/lib/stories/editor-reads";
import { createPerson, createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";

beforeAll(() => freshDb());

describe("author names in the editor's lists", () => {
  test("each story lists its own authors, not someone else's", async () => {
    const editor = await createUser({ role: "editor", name: "Ed Itor" });
    const me = { id: editor.id, email: editor.email, name: editor.name, role: editor.role };
    // Extra people first, so person ids and story ids do not line up by accident.
    await createPerson({ name: "Nobody One" });
    await createPerson({ name: "Nobody Two" });
    const ada = await createPerson({ name: "Dr Ada Lovelace" });
    const ben = await createPerson({ name: "Prof Ben Okri" });
    const first = await createStory({ status: "in-review", publishAt: null, authors: [ada], slug: "by-ada" });
    const second = await createStory({ status: "in-review", publishAt: null, authors: [ben], slug: "by-ben" });
    const both = await createStory({ status: "in-review", publishAt: null, authors: [ada, ben], slug: "by-both" });
    const nobody = await createStory({ status: "in-review", publishAt: null, authors: [], slug: "by-nobody" });

    const authorsOf = (rows: { id: number; authors: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.authors]));
    const expected = { [first.id]: "Dr Ada Lovelace", [second.id]: "Prof Ben Okri", [nobody.id]: "" };

    const list = authorsOf(await listEditorStories(me));
    expect(list).toMatchObject(expected);
    // in byline order
    expect(list[both.id]).toBe("Dr Ada Lovelace, Prof Ben Okri");

    const review = authorsOf((await getDashboard(me)).awaitingReview ?? []);
    expect(review).toMatchObject(expected);
  });
});
