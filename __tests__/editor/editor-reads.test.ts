import { getDashboard, listEditorStories } from "@/lib/stories/editor-reads";
import { createPerson, createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";

beforeAll(() => freshDb());

describe("author names in the editor's lists", () => {
  test("each story lists its own authors, not someone else's", () => {
    const editor = createUser({ role: "editor", name: "Ed Itor" });
    const me = { id: editor.id, email: editor.email, name: editor.name, role: editor.role };
    // Extra people first, so person ids and story ids do not line up by accident.
    createPerson({ name: "Nobody One" });
    createPerson({ name: "Nobody Two" });
    const ada = createPerson({ name: "Dr Ada Lovelace" });
    const ben = createPerson({ name: "Prof Ben Okri" });
    const first = createStory({ status: "in-review", publishAt: null, authors: [ada], slug: "by-ada" });
    const second = createStory({ status: "in-review", publishAt: null, authors: [ben], slug: "by-ben" });
    const both = createStory({ status: "in-review", publishAt: null, authors: [ada, ben], slug: "by-both" });
    const nobody = createStory({ status: "in-review", publishAt: null, authors: [], slug: "by-nobody" });

    const authorsOf = (rows: { id: number; authors: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.authors]));
    const expected = { [first.id]: "Dr Ada Lovelace", [second.id]: "Prof Ben Okri", [nobody.id]: "" };

    const list = authorsOf(listEditorStories(me));
    expect(list).toMatchObject(expected);
    // in byline order
    expect(list[both.id]).toBe("Dr Ada Lovelace, Prof Ben Okri");

    const review = authorsOf(getDashboard(me).awaitingReview ?? []);
    expect(review).toMatchObject(expected);
  });
});
