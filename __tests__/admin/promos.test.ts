import { deletePromoAction, savePromoAction } from "@/app/editor/promos/actions";
import { getDb, first } from "@/db/client";
import { promos } from "@/db/schema";
import { purgedTags, watchPageCache } from "@/__tests__/helpers/page-cache";
import { createPromo, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { auditActions, snapshot } from "./mocks";
import { form } from "../helpers/form";
import { actAs } from "../helpers/session";

jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "203.0.113.9") }));

beforeEach(async () => {
  await freshDb();
  watchPageCache();
  actAs(await createUser({ role: "editor" }));
});

const valid = { slot: "open-days", title: "Come to an open day", text: "See the campus.", linkUrl: "/open-days", linkLabel: "Book a place", imageUrl: "/img/campus.jpg", imageAlt: "The campus lawn", position: "2", active: "on" };

describe("promos", () => {
  it("creates a promo, audits it and revalidates the promos tag", async () => {
    await expect(savePromoAction({}, form(valid))).rejects.toThrow("NEXT_REDIRECT:/editor/promos?created=1");
    expect(await getDb().select().from(promos)).toEqual([expect.objectContaining({ slot: "open-days", title: "Come to an open day", position: 2, active: true, imageUrl: "/img/campus.jpg" })]);
    expect(await auditActions()).toEqual(["promo.create"]);
    expect(purgedTags).toContain("promos");
  });

  it("edits a promo; an unticked box makes it inactive", async () => {
    const p = await createPromo({ slot: "research", title: "Old", linkUrl: "/r" });
    const state = await savePromoAction({}, form({ ...valid, id: String(p.id), active: "" }));
    expect(state).toMatchObject({ ok: true });
    expect(await first(getDb().select().from(promos).limit(1))).toMatchObject({ id: p.id, slot: "open-days", title: "Come to an open day", active: false });
    expect(await auditActions()).toEqual(["promo.update"]);
  });

  it("deletes a promo", async () => {
    const p = await createPromo({ slot: "research", title: "Old", linkUrl: "/r" });
    expect(await deletePromoAction({}, form({ id: String(p.id) }))).toMatchObject({ ok: true });
    expect(await getDb().select().from(promos)).toEqual([]);
    expect(await auditActions()).toEqual(["promo.delete"]);
  });

  it("refuses a javascript: link, an image without alt text and a bad position; keeps values; writes nothing", async () => {
    const before = await snapshot();
    const state = await savePromoAction({}, form({ ...valid, linkUrl: "javascript:alert(1)", imageAlt: "", position: "x" }));
    expect(state.ok).toBe(false);
    expect(Object.keys(state.errors!).sort()).toEqual(["imageAlt", "linkUrl", "position"]);
    expect(state.values).toMatchObject({ linkUrl: "javascript:alert(1)", title: "Come to an open day" });
    expect(await snapshot()).toEqual(before);
    expect(purgedTags).toEqual([]);
  });
});
