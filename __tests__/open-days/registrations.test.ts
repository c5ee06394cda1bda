import { eq, sql } from "drizzle-orm";
import { rows as rawRows } from "@/db/client";
import { registrations, registrationSessions, auditLog } from "@/db/schema";
import { createOpenDay } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { hashToken } from "@/lib/open-days/booking";
import {
  cancelRegistration,
  getRegistrationByToken,
  moveRegistration,
  register,
  updateRegistration,
} from "@/lib/open-days/registrations";
import { getOpenDayBySlug } from "@/lib/open-days/public";
import { clearOutbox, decodedText, header, nextIp, outbox, regInput } from "./helpers";
import { expectConsoleWarn } from "../helpers/console";

let db: Awaited<ReturnType<typeof freshDb>>;
beforeEach(async () => {
  db = await freshDb();
  clearOutbox();
});

const rows = async () => db.select().from(registrations).orderBy(registrations.id);

describe("capacity", () => {
  test("50 concurrent registrations for 10 places: exactly 10 confirmed, 40 waiting, none lost", async () => {
    const day = await createOpenDay({ capacity: 10, sessions: [] });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => register(regInput(day.id, { email: `p${i}@example.com` }), { ip: `192.0.2.${i}` })),
    );
    expect(results.filter((r) => r.outcome === "confirmed")).toHaveLength(10);
    expect(results.filter((r) => r.outcome === "waitlisted")).toHaveLength(40);
    const all = await rows();
    expect(all).toHaveLength(50);
    expect(new Set(all.map((r) => r.email)).size).toBe(50);
    expect(all.filter((r) => r.status === "confirmed")).toHaveLength(10);
    expect(outbox()).toHaveLength(50);
  });

  test("guests count towards the day and each session; a party that does not fit waits", async () => {
    const day = await createOpenDay({ capacity: 10, sessions: [{ capacity: 4 }, {}] });
    const [small, big] = day.sessions;
    const a = await register(regInput(day.id, { guests: 3, sessionIds: [small!.id] }), { ip: nextIp() });
    expect(a.outcome).toBe("confirmed");
    const b = await register(regInput(day.id, { guests: 0, sessionIds: [small!.id, big!.id] }), { ip: nextIp() });
    expect(b.outcome).toBe("confirmed"); // the day has room; only the full session (4 of 4) waits
    const c = await register(regInput(day.id, { guests: 3, sessionIds: [big!.id] }), { ip: nextIp() });
    expect(c.outcome).toBe("confirmed"); // day: 9 of 10
    const d = await register(regInput(day.id, { guests: 1 }), { ip: nextIp() });
    expect(d.outcome).toBe("waitlisted"); // would be 11
    const detail = await getOpenDayBySlug(day.slug);
    expect(detail?.placesLeft).toBe(1);
    expect(detail?.sessions.map((s) => s.placesLeft)).toEqual([0, null]);
    expect(detail?.sessions[0]?.full).toBe(true);
  });

  test("a full session waitlists only that session: the day is booked, the other sessions held, and the full one named", async () => {
    const day = await createOpenDay({ capacity: 10, sessions: [{ title: "Lab tour", capacity: 1 }, { title: "Welcome talk" }] });
    const [lab, talk] = day.sessions;
    const first = await register(regInput(day.id, { sessionIds: [lab!.id] }), { ip: nextIp() });
    expect(first.outcome).toBe("confirmed");
    clearOutbox();
    const second = await register(regInput(day.id, { sessionIds: [lab!.id, talk!.id], email: "second@example.com" }), { ip: nextIp() });
    expect(second).toMatchObject({ outcome: "confirmed", fullSessions: ["Lab tour"] });
    if (second.outcome !== "confirmed") throw new Error("expected confirmed");
    const booking = (await getRegistrationByToken(second.token))!;
    expect(booking.status).toBe("confirmed");
    expect(booking.sessions.map((s) => [s.title, s.waitlisted])).toEqual([
      ["Lab tour", true],
      ["Welcome talk", false],
    ]);
    const detail = await getOpenDayBySlug(day.slug);
    expect(detail?.placesLeft).toBe(8);
    expect(detail?.sessions.map((s) => s.placesLeft)).toEqual([0, null]);
    // The e-mail confirms the day and says which session is full.
    const text = decodedText(outbox()[0]!.text);
    expect(header(outbox()[0]!.text, "Subject")).toContain("You're booked");
    expect(text).toMatch(/“Lab tour” is full/);
    expect(text).toMatch(/Lab tour.*waiting list/);

    // When the first person cancels, the session place goes to the second, who is told.
    if (first.outcome !== "confirmed") throw new Error("expected confirmed");
    clearOutbox();
    const promoted = await cancelRegistration({ token: first.token }, { ip: nextIp() });
    expect(promoted.map((p) => p.email)).toEqual(["second@example.com"]);
    expect((await getRegistrationByToken(second.token))!.sessions.map((s) => s.waitlisted)).toEqual([false, false]);
    const mails = outbox().map((m) => ({ to: header(m.text, "To"), subject: header(m.text, "Subject") }));
    expect(mails).toContainEqual({ to: "second@example.com", subject: expect.stringContaining("A place is now yours") });
  });

  test("a waiting-list booking promoted to the day gets the session places that fit, the rest wait", async () => {
    const day = await createOpenDay({ capacity: 2, sessions: [{ title: "Small lab", capacity: 1 }, { title: "Big hall" }] });
    const [lab, hall] = day.sessions;
    const a = await register(regInput(day.id, { sessionIds: [lab!.id] }), { ip: nextIp() });
    const b = await register(regInput(day.id, { sessionIds: [lab!.id] }), { ip: nextIp() });
    expect(b).toMatchObject({ outcome: "confirmed", fullSessions: ["Small lab"] });
    const c = await register(regInput(day.id, { sessionIds: [lab!.id, hall!.id], email: "c@example.com" }), { ip: nextIp() });
    expect(c.outcome).toBe("waitlisted"); // the day is full
    if (a.outcome !== "confirmed" || c.outcome !== "waitlisted" || b.outcome !== "confirmed") throw new Error("unexpected");
    // b cancels: c gets b's day place; the lab is still a's, so c waits for it (and a's lab place is not given twice).
    await cancelRegistration({ token: b.token }, { ip: nextIp() });
    const booking = (await getRegistrationByToken(c.token))!;
    expect(booking.status).toBe("confirmed");
    expect(booking.sessions.map((s) => [s.title, s.waitlisted])).toEqual([
      ["Small lab", true],
      ["Big hall", false],
    ]);
    expect((await getRegistrationByToken(a.token))!.sessions.map((s) => s.waitlisted)).toEqual([false]);
  });

  test("sessions of another day are refused and nothing is written", async () => {
    const day = await createOpenDay();
    const other = await createOpenDay();
    await expect(register(regInput(day.id, { sessionIds: [other.sessions[0]!.id] }), { ip: nextIp() })).rejects.toThrow(/sessions/);
    expect(await rows()).toHaveLength(0);
  });

  test("closed, draft and started days take no registrations", async () => {
    for (const o of [{ status: "closed" as const }, { status: "draft" as const }, { startsAt: Date.now() - 1000 }]) {
      const day = await createOpenDay(o);
      await expect(register(regInput(day.id), { ip: nextIp() })).rejects.toThrow(/closed/);
    }
    expect(await rows()).toHaveLength(0);
  });
});

describe("duplicates and tokens", () => {
  test("the same e-mail (any case) for the same day is not registered twice; the first link keeps working and no new link is sent", async () => {
    const day = await createOpenDay();
    const first = await register(regInput(day.id, { email: "Sam@Example.com" }), { ip: nextIp() });
    if (first.outcome !== "confirmed") throw new Error("expected confirmed");
    const hashBefore = (await rows())[0]!.manageTokenHash;
    const again = await register(regInput(day.id, { email: "sam@example.COM", guests: 2 }), { ip: nextIp() });
    expect(again).toEqual({ outcome: "duplicate", registrationId: first.registrationId });
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]!.guests).toBe(0);
    expect((await rows())[0]!.manageTokenHash).toBe(hashBefore);
    // Whoever typed this address cannot kill the registrant's link.
    expect((await getRegistrationByToken(first.token))?.id).toBe(first.registrationId);
    const mails = outbox();
    expect(mails).toHaveLength(2);
    const notice = decodedText(mails.find((m) => header(m.text, "Subject").includes("already registered"))!.text);
    expect(notice).toContain("You are already registered for this open day");
    expect(notice).not.toMatch(/\/open-days\/registrations\//);
  });

  test("e-mails never echo what the registrant typed: a neutral greeting, no name, no URL from the form", async () => {
    const day = await createOpenDay({ title: "Spring open day" });
    const name = "Win a prize at https://evil.example/claim now";
    const r = await register(regInput(day.id, { name, email: "victim@example.com", subject: "See www.evil.example", accessNeeds: "http://evil.example/x" }), { ip: nextIp() });
    await register(regInput(day.id, { name: "Call evil.example", email: "victim@example.com" }), { ip: nextIp() });
    if (r.outcome !== "confirmed") throw new Error("expected confirmed");
    const texts = outbox().map((m) => decodedText(m.text));
    expect(texts).toHaveLength(2);
    for (const text of texts) {
      expect(text).not.toMatch(/evil\.example|Win a prize/);
      // The text part opens with a neutral greeting.
      expect(text).toMatch(/\r?\n\r?\nHello,\r?\n/);
      expect(text).not.toMatch(/Dear /);
    }
  });

  test("e-mails to one address are rate-limited, whatever IP or open day the forms come from", async () => {
    // lib/open-days/mail.ts says which e-mails it held back.
    expectConsoleWarn(/^\[open-days\] not sending the (duplicate|confirmed) e-mail for registration \d+: too many e-mails to this address today$/);
    const days = [];
    for (let i = 0; i < 8; i++) days.push(await createOpenDay());
    for (const day of days) await register(regInput(day.id, { email: "target@example.com" }), { ip: nextIp() });
    for (const day of days.slice(0, 3)) await register(regInput(day.id, { email: "TARGET@example.com" }), { ip: nextIp() });
    // Every registration is stored; the mail stops at the per-address limit.
    expect(await rows()).toHaveLength(8);
    const sent = outbox().filter((m) => header(m.text, "To").includes("target@example.com"));
    expect(sent).toHaveLength(5);
    // Another address is not affected.
    await register(regInput(days[0]!.id, { email: "other@example.com" }), { ip: nextIp() });
    expect(outbox().filter((m) => header(m.text, "To").includes("other@example.com"))).toHaveLength(1);
  });

  test("after a cancellation the same e-mail may register again", async () => {
    const day = await createOpenDay();
    const first = await register(regInput(day.id, { email: "x@example.com" }), { ip: nextIp() });
    if (first.outcome !== "confirmed") throw new Error("expected confirmed");
    await cancelRegistration({ token: first.token }, { ip: nextIp() });
    const again = await register(regInput(day.id, { email: "x@example.com" }), { ip: nextIp() });
    expect(again.outcome).toBe("confirmed");
  });

  test("the manage token is 32 random bytes, stored only as its SHA-256 hash", async () => {
    const day = await createOpenDay();
    const r = await register(regInput(day.id), { ip: nextIp() });
    if (r.outcome !== "confirmed") throw new Error("expected confirmed");
    expect(Buffer.from(r.token, "base64url")).toHaveLength(32);
    const row = (await rows())[0]!;
    expect(row.manageTokenHash).toBe(hashToken(r.token));
    expect(JSON.stringify(await rawRows(db, sql`select * from registrations`))).not.toContain(r.token);
    expect(JSON.stringify(await db.select().from(auditLog))).not.toContain(r.token);
    expect((await getRegistrationByToken(r.token))?.email).toBe(row.email);
    expect(await getRegistrationByToken(r.token.slice(0, -1) + (r.token.endsWith("A") ? "B" : "A"))).toBeNull();
  });

  test("the confirmation e-mail has the details, the programme, the .ics and the manage link", async () => {
    const day = await createOpenDay({ title: "Spring open day", sessions: [{ title: "Meet the historians", room: "Lecture Theatre 2" }] });
    const r = await register(regInput(day.id, { guests: 1, sessionIds: [day.sessions[0]!.id], email: "kim@example.com" }), { ip: nextIp() });
    if (r.outcome !== "confirmed") throw new Error("expected confirmed");
    const [mail] = outbox();
    const text = mail!.text.replace(/=\r?\n/g, "");
    expect(header(mail!.text, "To")).toContain("kim@example.com");
    expect(header(mail!.text, "Subject")).toContain("Spring open day");
    expect(text).toContain("Meet the historians (Lecture Theatre 2)");
    expect(text).toContain("you and 1 guest");
    expect(text).toContain(`http://localhost:3000/open-days/registrations/${r.token}`);
    expect(text).toMatch(/Content-Type: text\/calendar/);
    expect(text).toMatch(/filename=.*\.ics/);
  });
});

describe("changing a booking", () => {
  test("guests and sessions change within capacity; a change that does not fit leaves it unchanged", async () => {
    const day = await createOpenDay({ capacity: 5, sessions: [{ capacity: 3 }, {}] });
    const [s1, s2] = day.sessions;
    const a = await register(regInput(day.id, { sessionIds: [s1!.id] }), { ip: nextIp() });
    await register(regInput(day.id, { guests: 1 }), { ip: nextIp() });
    if (a.outcome !== "confirmed") throw new Error("expected confirmed");
    await expect(updateRegistration({ token: a.token, guests: 3, sessionIds: [s1!.id] }, { ip: nextIp() })).rejects.toThrow(/places? left on this open day/);
    expect((await getRegistrationByToken(a.token))?.guests).toBe(0);
    expect(await updateRegistration({ token: a.token, guests: 2, sessionIds: [s1!.id, s2!.id] }, { ip: nextIp() })).toEqual({ status: "confirmed" });
    const b = (await getRegistrationByToken(a.token))!;
    expect(b.guests).toBe(2);
    expect(b.sessions.map((s) => s.id)).toEqual([s1!.id, s2!.id]);
  });

  test("adding a full session waits for that session only; a change that would lose a held session place is refused", async () => {
    const day = await createOpenDay({ capacity: 10, sessions: [{ title: "Lab", capacity: 2 }, { title: "Quiz", capacity: 1 }] });
    const [lab, quiz] = day.sessions;
    await register(regInput(day.id, { sessionIds: [quiz!.id] }), { ip: nextIp() });
    const a = await register(regInput(day.id, { sessionIds: [lab!.id] }), { ip: nextIp() });
    if (a.outcome !== "confirmed") throw new Error("expected confirmed");
    expect(await updateRegistration({ token: a.token, guests: 0, sessionIds: [lab!.id, quiz!.id] }, { ip: nextIp() })).toEqual({ status: "confirmed" });
    expect((await getRegistrationByToken(a.token))!.sessions.map((s) => [s.title, s.waitlisted])).toEqual([
      ["Lab", false],
      ["Quiz", true],
    ]);
    // Two more people would not fit the lab (2 places): refused, nothing changed.
    await expect(updateRegistration({ token: a.token, guests: 2, sessionIds: [lab!.id, quiz!.id] }, { ip: nextIp() })).rejects.toThrow(/“Lab” has 2 places left\. Your booking has not been changed/);
    expect((await getRegistrationByToken(a.token))!.guests).toBe(0);
    expect((await getRegistrationByToken(a.token))!.sessions.map((s) => s.waitlisted)).toEqual([false, true]);
  });

  test("moving goes to another date of the same level only, and frees the old places", async () => {
    const day = await createOpenDay({ capacity: 1, sessions: [{}] });
    const later = await createOpenDay({ startsAt: Date.now() + 30 * 86_400_000 });
    const pg = await createOpenDay({ level: "postgraduate" });
    const a = await register(regInput(day.id, { sessionIds: [day.sessions[0]!.id] }), { ip: nextIp() });
    const w = await register(regInput(day.id), { ip: nextIp() });
    if (a.outcome !== "confirmed") throw new Error("expected confirmed");
    if (w.outcome !== "waitlisted") throw new Error("expected waitlisted");
    await expect(moveRegistration({ token: a.token, openDayId: pg.id }, { ip: nextIp() })).rejects.toThrow(/same level/);
    expect(await moveRegistration({ token: a.token, openDayId: later.id }, { ip: nextIp() })).toEqual({ status: "confirmed" });
    const moved = (await getRegistrationByToken(a.token))!;
    expect(moved.day.id).toBe(later.id);
    expect(moved.sessions).toEqual([]);
    expect((await rows()).find((r) => r.id === w.registrationId)?.status).toBe("confirmed");
  });
});

describe("cancel and promote", () => {
  test("cancelling frees places and promotes the oldest waiting registrations that fit, who are e-mailed", async () => {
    const day = await createOpenDay({ capacity: 4, sessions: [] });
    const a = await register(regInput(day.id, { guests: 3, email: "a@example.com" }), { ip: nextIp() });
    const big = await register(regInput(day.id, { guests: 3, email: "big@example.com" }), { ip: nextIp() });
    // Make "big" clearly older than the two singles.
    await db.update(registrations).set({ createdAt: 1 }).where(eq(registrations.id, big.outcome === "waitlisted" ? big.registrationId : -1));
    const s1 = await register(regInput(day.id, { email: "s1@example.com" }), { ip: nextIp() });
    const s2 = await register(regInput(day.id, { email: "s2@example.com" }), { ip: nextIp() });
    expect([big.outcome, s1.outcome, s2.outcome]).toEqual(["waitlisted", "waitlisted", "waitlisted"]);
    if (a.outcome !== "confirmed") throw new Error("expected confirmed");
    clearOutbox();
    const promoted = await cancelRegistration({ token: a.token }, { ip: nextIp() });
    // The oldest (party of 4) fits exactly and takes all 4 places; the singles keep waiting.
    expect(promoted.map((p) => p.email)).toEqual(["big@example.com"]);
    const status = Object.fromEntries((await rows()).map((r) => [r.email, r.status]));
    expect(status).toEqual({ "a@example.com": "cancelled", "big@example.com": "confirmed", "s1@example.com": "waitlisted", "s2@example.com": "waitlisted" });
    const mails = outbox().map((m) => ({ to: header(m.text, "To"), subject: header(m.text, "Subject") }));
    expect(mails).toEqual(
      expect.arrayContaining([
        { to: "a@example.com", subject: expect.stringContaining("cancelled") },
        { to: "big@example.com", subject: expect.stringContaining("A place is now yours") },
      ]),
    );
    expect(mails).toHaveLength(2);
    // When the promoted party cancels in turn, both singles now fit, oldest first.
    clearOutbox();
    if (big.outcome !== "waitlisted") throw new Error("expected waitlisted");
    // Its first link still works after the promotion.
    const again = await cancelRegistration({ token: big.token }, { ip: nextIp() });
    expect(again.map((p) => p.email)).toEqual(["s1@example.com", "s2@example.com"]);
  });

  test("a cancelled registration cannot be changed or cancelled again", async () => {
    const day = await createOpenDay();
    const r = await register(regInput(day.id), { ip: nextIp() });
    if (r.outcome !== "confirmed") throw new Error("expected confirmed");
    await cancelRegistration({ token: r.token }, { ip: nextIp() });
    await expect(cancelRegistration({ token: r.token }, { ip: nextIp() })).rejects.toThrow(/cancelled/);
    await expect(updateRegistration({ token: r.token, guests: 1, sessionIds: [] }, { ip: nextIp() })).rejects.toThrow(/cancelled/);
    expect(await db.select().from(registrationSessions)).toHaveLength(0);
  });
});

describe("honeypot and rate limit", () => {
  test("a filled-in honeypot stores nothing and sends nothing", async () => {
    const day = await createOpenDay();
    expect(await register(regInput(day.id, { website: "http://spam.example" }), { ip: nextIp() })).toEqual({ outcome: "ignored" });
    expect(await rows()).toHaveLength(0);
    expect(outbox()).toHaveLength(0);
  });

  test("the 11th registration from one IP within 10 minutes is refused", async () => {
    const day = await createOpenDay();
    const ip = "203.0.113.9";
    for (let i = 0; i < 10; i++) await register(regInput(day.id), { ip });
    await expect(register(regInput(day.id), { ip })).rejects.toThrow(/too many times/);
    expect(await rows()).toHaveLength(10);
    expect((await register(regInput(day.id), { ip: "203.0.113.10" })).outcome).toBe("confirmed");
  });
});
