import { eq } from "drizzle-orm";
import { savePersonAction, updateProfileAction } from "@/app/editor/people/actions";
import { getDb, first } from "@/db/client";
import { people } from "@/db/schema";
import { purgedTags, watchPageCache } from "@/__tests__/helpers/page-cache";
import { createPerson, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { auditActions, snapshot } from "./mocks";
import { form } from "../helpers/form";
import { actAs } from "../helpers/session";

jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "203.0.113.9") }));

beforeEach(async () => {
  await freshDb();
  watchPageCache();
});

const person = async (id: number) => (await first(getDb().select().from(people).where(eq(people.id, id)).limit(1)))!;

describe("expert profiles", () => {
  it("a contributor edits their own bio, expertise, photo and availability, and nothing else", async () => {
    const me = await createUser({ role: "contributor" });
    const mine = await createPerson({ userId: me.id, name: "Dr Me", jobTitle: "Lecturer" });
    actAs(me);
    const state = await updateProfileAction(
      {},
      form({ personId: String(mine.id), bio: "I study rivers.", expertise: "Rivers\nFloods, Rivers", photoUrl: "/img/me.jpg", availableForMedia: "on", name: "Hacked", jobTitle: "Vice-Chancellor", userId: "999" }),
    );
    expect(state).toMatchObject({ ok: true });
    expect(await person(mine.id)).toMatchObject({ bio: "I study rivers.", expertise: ["Rivers", "Floods"], photoUrl: "/img/me.jpg", availableForMedia: true, name: "Dr Me", jobTitle: "Lecturer", userId: me.id });
    expect(await auditActions()).toEqual(["person.update-profile"]);
    expect(purgedTags).toEqual(expect.arrayContaining(["people", `person:${mine.slug}`]));
  });

  it("a contributor cannot edit someone else's profile by posting its id", async () => {
    const me = await createUser({ role: "contributor" });
    await createPerson({ userId: me.id });
    const other = await createPerson({ name: "Someone Else", bio: "Original." });
    actAs(me);
    const before = await snapshot();
    const state = await updateProfileAction({}, form({ personId: String(other.id), bio: "Hijacked." }));
    expect(state).toMatchObject({ ok: false, message: "You can only edit your own expert profile." });
    expect(await snapshot()).toEqual(before);
  });

  it("an editor creates a guest expert (never linked to an account), with a unique slug from the name", async () => {
    const editor = await createUser({ role: "editor" });
    actAs(editor);
    await createPerson({ slug: "jane-guest", name: "Jane Guest" });
    await expect(savePersonAction({}, form({ name: "Jane Guest", isGuest: "on", userId: String(editor.id), institution: "Another University" }))).rejects.toThrow(
      /NEXT_REDIRECT:\/editor\/people\/\d+\?created=1/,
    );
    const created = await first(getDb().select().from(people).where(eq(people.slug, "jane-guest-2")).limit(1));
    expect(created).toMatchObject({ name: "Jane Guest", isGuest: true, userId: null, institution: "Another University" });
    expect(await auditActions()).toEqual(["person.create"]);
    expect(purgedTags).toEqual(expect.arrayContaining(["people", "person:jane-guest-2"]));
  });

  it("an editor renames a slug; both the old and new profile pages are revalidated", async () => {
    actAs(await createUser({ role: "editor" }));
    const p = await createPerson({ slug: "old-slug" });
    const state = await savePersonAction({}, form({ id: String(p.id), name: p.name, slug: "new-slug" }));
    expect(state).toMatchObject({ ok: true });
    expect((await person(p.id)).slug).toBe("new-slug");
    expect(purgedTags).toEqual(expect.arrayContaining(["person:old-slug", "person:new-slug"]));
  });

  it("refuses a taken slug and bad fields, keeping values and writing nothing", async () => {
    actAs(await createUser({ role: "editor" }));
    await createPerson({ slug: "taken" });
    const p = await createPerson({ slug: "mine" });
    const before = await snapshot();
    const taken = await savePersonAction({}, form({ id: String(p.id), name: "X", slug: "taken" }));
    expect(taken).toMatchObject({ ok: false, errors: { slug: "Another expert already has that web address." }, values: { slug: "taken" } });
    const bad = await savePersonAction({}, form({ name: "", slug: "Not A Slug!", mediaEmail: "nope", photoUrl: "javascript:x" }));
    expect(Object.keys(bad.errors!).sort()).toEqual(["mediaEmail", "name", "photoUrl", "slug"]);
    expect(await snapshot()).toEqual(before);
  });
});
