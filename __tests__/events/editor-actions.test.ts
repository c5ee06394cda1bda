import { GET as eventIcs } from "@/app/(public)/events/[slug]/calendar.ics/route";
import { cancelEventAction, createEventAction, deleteEventAction, duplicateEventAction, updateEventAction } from "@/app/editor/events/actions";
import { first, getDb } from "@/db/client";
import { auditLog, eventRevisions, events, type Role } from "@/db/schema";
import { currentSessionUser } from "@/lib/auth/session";
import { purgedTags, watchPageCache } from "@/__tests__/helpers/page-cache";
import { parseLocalDateTime } from "@/lib/dates";
import { STALE_EVENT_MESSAGE } from "@/lib/events/editor";
import type { FormState } from "@/lib/form";
import { createEvent, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { form } from "../helpers/form";

jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "203.0.113.9") }));

const sessionUser = currentSessionUser as jest.MockedFunction<typeof currentSessionUser>;
type Action = (state: FormState, formData: FormData) => Promise<FormState>;

async function signInAs(role: Role | null) {
  if (!role) {
    sessionUser.mockResolvedValue(null);
    return null;
  }
  const user = await createUser({ role, email: `${role}-${Math.random().toString(36).slice(2)}@newsroom.test` });
  sessionUser.mockResolvedValue({ id: user.id, email: user.email, name: user.name, role: user.role });
  return user;
}

/** Runs an action; a redirect (thrown by Next) comes back as its target. */
async function run(action: Action, values: Record<string, string>): Promise<{ state?: FormState; redirectTo?: string }> {
  try {
    return { state: await action({}, form(values)) };
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirectTo: digest.split(";")[2] };
    throw error;
  }
}

/** Everything the event actions can touch. */
async function dbState() {
  const db = getDb();
  return {
    events: await db.select().from(events).orderBy(events.id),
    revisions: await db.select().from(eventRevisions).orderBy(eventRevisions.id),
    audit: await db.select().from(auditLog).orderBy(auditLog.id),
  };
}

const validEvent = {
  title: "Degree show 2026",
  slug: "degree-show-2026",
  summary: "Work by our graduating artists.",
  body: "## Opening times\n\nEvery day.",
  startsAt: "2026-06-10T10:00",
  endsAt: "2026-06-14T17:00",
  venue: "Art School",
  campus: "City campus",
  category: "Exhibition",
  bookingUrl: "",
  status: "published",
};

beforeEach(async () => {
  await freshDb();
  sessionUser.mockReset();
  watchPageCache();
});

describe("authorisation matrix for every event action", () => {
  const actions: [string, Action, (id: number, version: number) => Record<string, string>][] = [
    ["create", createEventAction, () => validEvent],
    ["edit", updateEventAction, (id, version) => ({ ...validEvent, slug: "changed", title: "Changed", id: String(id), version: String(version) })],
    ["duplicate", duplicateEventAction, (id) => ({ id: String(id) })],
    ["cancel", cancelEventAction, (id) => ({ id: String(id) })],
    ["delete", deleteEventAction, (id) => ({ id: String(id), confirm: "on" })],
  ];

  describe.each(actions)("%s", (_name, action, values) => {
    it("signed out: sent to sign in, nothing written", async () => {
      const existing = await createEvent();
      await signInAs(null);
      const before = await dbState();
      const result = await run(action, values(existing.id, existing.version));
      expect(result.redirectTo).toBe("/login");
      expect(await dbState()).toEqual(before);
    });

    it("contributor: refused with a message, nothing written", async () => {
      const existing = await createEvent();
      await signInAs("contributor");
      const before = await dbState();
      const result = await run(action, values(existing.id, existing.version));
      expect(result.redirectTo).toBeUndefined();
      expect(result.state?.ok).toBe(false);
      expect(result.state?.message).toMatch(/permission/i);
      expect(await dbState()).toEqual(before);
      expect(purgedTags).toEqual([]);
    });

    it.each(["editor", "admin"] as const)("%s: allowed, audited, caches refreshed", async (role) => {
      const existing = await createEvent();
      const user = await signInAs(role);
      const before = await dbState();
      const result = await run(action, values(existing.id, existing.version));
      expect(result.redirectTo).toMatch(/^\/editor\/events/);
      const after = await dbState();
      expect(after.events).not.toEqual(before.events);
      expect(after.audit).toHaveLength(before.audit.length + 1);
      expect(after.audit.at(-1)).toMatchObject({ actorId: user?.id, entity: "event", ip: "203.0.113.9" });
      expect(purgedTags).toContain("events");
    });
  });
});

describe("create and edit", () => {
  it("creates an event with times read in the site's zone and a first revision", async () => {
    await signInAs("editor");
    const { redirectTo } = await run(createEventAction, validEvent);
    const [row] = await getDb().select().from(events).orderBy(events.id);
    expect(redirectTo).toBe(`/editor/events/${row?.id}/edit?saved=created`);
    expect(row).toMatchObject({ title: "Degree show 2026", slug: "degree-show-2026", status: "published", version: 1, allDay: false, bookingUrl: null });
    expect(row?.startsAt).toBe(Date.UTC(2026, 5, 10, 9, 0)); // 10am BST
    expect(await getDb().select().from(eventRevisions)).toHaveLength(1);
  });

  it("stores an all-day event from its first and last day (exclusive end)", async () => {
    await signInAs("editor");
    await run(createEventAction, { ...validEvent, allDay: "on", startsAt: "", endsAt: "", startDate: "2027-03-28", endDate: "2027-03-31" });
    const row = await first(getDb().select().from(events).limit(1));
    expect(row?.allDay).toBe(true);
    expect(row?.startsAt).toBe(parseLocalDateTime("2027-03-28"));
    expect(row?.endsAt).toBe(parseLocalDateTime("2027-04-01"));
  });

  it("refuses invalid input, keeps what was typed and writes nothing", async () => {
    await signInAs("editor");
    const typed = { ...validEvent, title: "  ", endsAt: "2026-06-09T10:00", bookingUrl: "javascript:alert(1)", slug: "Not A Slug" };
    const before = await dbState();
    const { state, redirectTo } = await run(createEventAction, typed);
    expect(redirectTo).toBeUndefined();
    expect(state?.ok).toBe(false);
    expect(state?.errors).toMatchObject({ title: expect.any(String), bookingUrl: expect.any(String), slug: expect.any(String) });
    expect(state?.values).toMatchObject({ summary: validEvent.summary, endsAt: "2026-06-09T10:00", bookingUrl: "javascript:alert(1)" });
    expect(await dbState()).toEqual(before);
  });

  it("refuses an end before the start", async () => {
    await signInAs("editor");
    const { state } = await run(createEventAction, { ...validEvent, endsAt: "2026-06-10T09:00" });
    expect(state?.errors?.endsAt).toBe("The end must be after the start");
    expect(await getDb().select().from(events)).toHaveLength(0);
  });

  it("refuses a web address another event uses", async () => {
    await createEvent({ slug: "degree-show-2026" });
    await signInAs("editor");
    const before = await dbState();
    const { state } = await run(createEventAction, validEvent);
    expect(state?.errors?.slug).toMatch(/already uses/);
    expect(await dbState()).toEqual(before);
  });

  it("saves an edit, bumps the version and snapshots a revision", async () => {
    const event = await createEvent();
    await signInAs("editor");
    await run(updateEventAction, { ...validEvent, id: String(event.id), version: "1", title: "New title" });
    const row = await first(getDb().select().from(events).limit(1));
    expect(row).toMatchObject({ title: "New title", version: 2 });
    const revisions = await getDb().select().from(eventRevisions).orderBy(eventRevisions.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ eventId: event.id, version: 2 });
    expect(revisions[0]?.snapshot).toMatchObject({ title: "New title" });
  });

  it("refuses a stale edit with a clear message and keeps the newer text", async () => {
    const event = await createEvent({ title: "Original" });
    await signInAs("editor");
    // Two editors opened version 1; the first saves.
    await run(updateEventAction, { ...validEvent, id: String(event.id), version: "1", title: "First editor's title" });
    const before = await dbState();
    const { state, redirectTo } = await run(updateEventAction, { ...validEvent, id: String(event.id), version: "1", title: "Second editor's title" });
    expect(redirectTo).toBeUndefined();
    expect(state?.message).toBe(STALE_EVENT_MESSAGE);
    expect(state?.values?.title).toBe("Second editor's title");
    expect(await dbState()).toEqual(before);
    expect((await first(getDb().select().from(events).limit(1)))?.title).toBe("First editor's title");
  });
});

describe("duplicate, cancel, delete", () => {
  it("duplicates as a draft titled 'Copy of …' with a unique slug", async () => {
    const source = await createEvent({ slug: "open-lecture", title: "Open lecture" });
    await signInAs("editor");
    const firstRun = await run(duplicateEventAction, { id: String(source.id) });
    await run(duplicateEventAction, { id: String(source.id) });
    const rows = await getDb().select().from(events).orderBy(events.id);
    expect(rows).toHaveLength(3);
    const copies = rows.filter((r) => r.id !== source.id);
    expect(copies.map((c) => c.slug)).toEqual(["open-lecture-copy", "open-lecture-copy-2"]);
    expect(copies.every((c) => c.title === "Copy of Open lecture" && c.status === "draft" && c.version === 1)).toBe(true);
    expect(copies[0]).toMatchObject({ startsAt: source.startsAt, endsAt: source.endsAt, venue: source.venue, body: source.body });
    expect(firstRun.redirectTo).toBe(`/editor/events/${copies[0]?.id}/edit?saved=duplicated`);
    expect(rows.find((r) => r.id === source.id)).toEqual(source);
  });

  it("cancels: the event stays public, marked cancelled, and its .ics says STATUS:CANCELLED", async () => {
    const event = await createEvent({ slug: "called-off" });
    await signInAs("editor");
    await run(cancelEventAction, { id: String(event.id) });
    expect(await first(getDb().select().from(events).limit(1))).toMatchObject({ status: "cancelled", version: 2 });
    const res = await eventIcs(new Request("http://localhost/events/called-off/calendar.ics"), { params: Promise.resolve({ slug: "called-off" }) });
    expect(await res.text()).toContain("STATUS:CANCELLED\r\n");
  });

  it("deletes only with the confirmation box ticked", async () => {
    const event = await createEvent();
    await signInAs("editor");
    const before = await dbState();
    const refused = await run(deleteEventAction, { id: String(event.id) });
    expect(refused.state?.errors?.confirm).toMatch(/Tick the box/);
    expect(await dbState()).toEqual(before);

    const done = await run(deleteEventAction, { id: String(event.id), confirm: "on" });
    expect(done.redirectTo).toBe("/editor/events?deleted=1");
    expect(await getDb().select().from(events)).toHaveLength(0);
    expect((await getDb().select().from(auditLog).orderBy(auditLog.id)).at(-1)).toMatchObject({ action: "event.delete", entityId: String(event.id) });
  });

  it("reports an event that no longer exists", async () => {
    await signInAs("editor");
    const { state } = await run(cancelEventAction, { id: "999" });
    expect(state?.message).toMatch(/no longer exists/);
  });
});
