/**
 * The authorisation matrix: every action in the admin area × {signed out,
 * contributor, editor, admin} → allowed (and it wrote), or refused with the
 * database unchanged.
 */
import { moderateCommentsAction } from "@/app/editor/comments/actions";
import { savePersonAction, updateProfileAction } from "@/app/editor/people/actions";
import { deletePromoAction, savePromoAction } from "@/app/editor/promos/actions";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction, unlockSignInAction } from "@/app/editor/users/actions";
import type { Role } from "@/db/schema";
import type { FormState } from "@/lib/form";
import { createComment, createPerson, createPromo, createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { snapshot } from "./mocks";
import { form } from "../helpers/form";
import { actAs } from "../helpers/session";

jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "203.0.113.9") }));

type Who = "signed out" | Role;
const WHO: Who[] = ["signed out", "contributor", "editor", "admin"];

async function fixtures() {
  const admin = await createUser({ role: "admin", email: "admin@newsroom.test" });
  const editor = await createUser({ role: "editor", email: "editor@newsroom.test" });
  const contributor = await createUser({ role: "contributor", email: "contrib@newsroom.test" });
  const target = await createUser({ role: "contributor", email: "target@newsroom.test" });
  const ownProfile = await createPerson({ userId: contributor.id, name: "Own Profile" });
  const otherProfile = await createPerson({ name: "Someone Else" });
  const story = await createStory();
  const comment = await createComment({ storyId: story.id, name: "Reader", email: "r@x.test", body: "Nice." });
  const promo = await createPromo({ slot: "research", title: "Research", linkUrl: "/research" });
  return { admin, editor, contributor, target, ownProfile, otherProfile, comment, promo };
}
type F = Awaited<ReturnType<typeof fixtures>>;

type Case = {
  name: string;
  min: Role;
  run: (f: F) => Promise<FormState>;
};

const cases: Case[] = [
  { name: "create user", min: "admin", run: () => createUserAction({}, form({ email: "new@newsroom.test", name: "New Person", role: "editor", password: "" })) },
  { name: "change role", min: "admin", run: (f) => changeRoleAction({}, form({ userId: String(f.target.id), role: "editor" })) },
  { name: "disable user", min: "admin", run: (f) => setDisabledAction({}, form({ userId: String(f.target.id), disabled: "true", confirm: "on" })) },
  { name: "clear sign-in delays", min: "admin", run: (f) => unlockSignInAction({}, form({ userId: String(f.target.id) })) },
  { name: "reset password", min: "admin", run: (f) => resetPasswordAction({}, form({ userId: String(f.target.id), password: "" })) },
  { name: "moderate comments", min: "editor", run: (f) => moderateCommentsAction({}, form({ commentIds: [String(f.comment.id)], decision: "approve" })) },
  {
    name: "create promo",
    min: "editor",
    run: () => savePromoAction({}, form({ slot: "open-days", title: "Visit us", text: "", linkUrl: "/open-days", linkLabel: "Book", imageUrl: "", imageAlt: "", position: "1", active: "on" })),
  },
  {
    name: "edit promo",
    min: "editor",
    run: (f) => savePromoAction({}, form({ id: String(f.promo.id), slot: "research", title: "Changed", linkUrl: "/research", linkLabel: "More", position: "0" })),
  },
  { name: "delete promo", min: "editor", run: (f) => deletePromoAction({}, form({ id: String(f.promo.id) })) },
  { name: "create expert", min: "editor", run: () => savePersonAction({}, form({ name: "Guest Writer", isGuest: "on", bio: "Writes." })) },
  { name: "edit any expert", min: "editor", run: (f) => savePersonAction({}, form({ id: String(f.otherProfile.id), name: "Renamed", slug: f.otherProfile.slug })) },
  {
    name: "edit own profile",
    min: "contributor",
    run: (f) => updateProfileAction({}, form({ personId: String(f.ownProfile.id), bio: "My new bio.", expertise: "Rivers\nFloods", photoUrl: "", availableForMedia: "on" })),
  },
  {
    name: "edit someone else's profile (bio form)",
    min: "editor",
    run: (f) => updateProfileAction({}, form({ personId: String(f.otherProfile.id), bio: "Hijacked.", expertise: "", photoUrl: "" })),
  },
];

const rank: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };

beforeEach(async () => {
  await freshDb();
  jest.clearAllMocks();
});

describe.each(cases)("$name", ({ min, run }) => {
  it.each(WHO)("as %s", async (who) => {
    const f = await fixtures();
    actAs(who === "signed out" ? null : { admin: f.admin, editor: f.editor, contributor: f.contributor }[who]);
    const before = await snapshot();
    const allowed = who !== "signed out" && rank[who] >= rank[min];

    if (who === "signed out") {
      await expect(run(f)).rejects.toThrow("NEXT_REDIRECT:/login");
      expect(await snapshot()).toEqual(before);
      return;
    }
    let state: FormState | undefined;
    try {
      state = await run(f);
    } catch (error) {
      // A successful create redirects to the new record.
      expect(allowed).toBe(true);
      expect(String(error)).toMatch(/NEXT_REDIRECT:\/editor\//);
    }
    const after = await snapshot();
    if (allowed) {
      if (state) expect(state).toMatchObject({ ok: true });
      expect(after).not.toEqual(before);
      expect(after.audit_log!.length).toBeGreaterThan(before.audit_log!.length);
    } else {
      expect(state).toMatchObject({ ok: false });
      expect(state?.message).toMatch(/permission|only edit your own/);
      expect(after).toEqual(before);
    }
  });
});
