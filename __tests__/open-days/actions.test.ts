jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "192.0.2.50") }));
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { createOpenDay, createUser } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { currentSessionUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/request";
import { registerAction } from "@/app/(public)/open-days/[slug]/actions";
import { cancelBookingAction, updateBookingAction } from "@/app/(public)/open-days/registrations/[token]/actions";
import { getRegistrationByToken, register } from "@/lib/open-days/registrations";
import { clearOutbox, nextIp, outbox, regInput } from "./helpers";
import { form } from "../helpers/form";

let db: Awaited<ReturnType<typeof freshDb>>;
beforeEach(async () => {
  db = await freshDb();
  clearOutbox();
  jest.mocked(currentSessionUser).mockResolvedValue(null);
  jest.mocked(clientIp).mockResolvedValue(nextIp());
});

const dump = async () =>
  JSON.stringify(await Promise.all(["registrations", "registration_sessions", "audit_log"].map((t) => rows(db, sql.raw(`select * from ${t}`)))));

/** Next's redirect() throws; this returns where it was going. */
async function redirectOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw error;
  }
  throw new Error("expected a redirect");
}

const valid = { name: "Priya Shah", email: "priya@example.com", level: "undergraduate", subject: "History", guests: "1", accessNeeds: "", consent: "on", website: "" };

test("a valid registration redirects to its own private confirmation page (Post/Redirect/Get, reload-safe)", async () => {
  const day = await createOpenDay();
  const to = await redirectOf(registerAction(day.slug, {}, form({ ...valid, sessionIds: [String(day.sessions[1]!.id), String(day.sessions[0]!.id)] })));
  const m = /^\/open-days\/registrations\/([A-Za-z0-9_-]{43})\?done=registered$/.exec(to);
  expect(m).not.toBeNull();
  // The URL is the booking's manage link: it opens this booking, with both sessions.
  const booking = await getRegistrationByToken(m![1]!);
  expect(booking).toMatchObject({ email: "priya@example.com", status: "confirmed", guests: 1 });
  expect(booking!.sessions.map((s) => s.id)).toEqual(day.sessions.map((s) => s.id));
});

test("a waiting-list registration redirects to its confirmation page too", async () => {
  const day = await createOpenDay({ capacity: 1 });
  await register(regInput(day.id), { ip: nextIp() });
  const to = await redirectOf(registerAction(day.slug, {}, form(valid)));
  const token = /registrations\/([A-Za-z0-9_-]{43})\?done=registered$/.exec(to)![1]!;
  expect((await getRegistrationByToken(token))?.status).toBe("waitlisted");
});

test("validation errors give a message per field, keep every typed value and write nothing", async () => {
  const day = await createOpenDay();
  const before = await dump();
  const typed = { name: "", email: "not-an-email", level: "undergraduate", subject: "Law", guests: "7", accessNeeds: "Step-free route please", website: "", sessionIds: [String(day.sessions[1]!.id)] };
  const state = await registerAction(day.slug, {}, form(typed));
  expect(state.ok).toBe(false);
  expect(state.errors).toEqual({
    name: "Enter your name.",
    email: "Enter an email address in the right format, like name@example.com.",
    guests: "You can bring up to 3 guests.",
    consent: "Confirm that you have read the privacy notice.",
  });
  expect(state.values).toEqual({ ...typed, sessionIds: typed.sessionIds[0] });
  expect(await dump()).toBe(before);
  expect(outbox()).toHaveLength(0);
});

test("the honeypot: a bot that fills `website` is thanked and nothing is stored or sent", async () => {
  const day = await createOpenDay();
  const before = await dump();
  const state = await registerAction(day.slug, {}, form({ ...valid, website: "https://spam.example" }));
  expect(state).toMatchObject({ ok: true, outcome: "ignored" });
  expect(await dump()).toBe(before);
  expect(outbox()).toHaveLength(0);
});

test("the rate limit: the 11th form from one IP in 10 minutes is refused with a message and writes nothing", async () => {
  const day = await createOpenDay();
  jest.mocked(clientIp).mockResolvedValue("198.51.100.77");
  for (let i = 0; i < 10; i++) await redirectOf(registerAction(day.slug, {}, form({ ...valid, email: `p${i}@example.com` })));
  const before = await dump();
  const state = await registerAction(day.slug, {}, form({ ...valid, email: "late@example.com" }));
  expect(state).toMatchObject({ ok: false, message: expect.stringContaining("too many times") });
  expect(state.values?.email).toBe("late@example.com");
  expect(await dump()).toBe(before);
});

test("a duplicate says so, shows no link and e-mails the address without a new link", async () => {
  const day = await createOpenDay();
  await redirectOf(registerAction(day.slug, {}, form(valid)));
  const state = await registerAction(day.slug, {}, form({ ...valid, email: "PRIYA@example.com" }));
  expect(state).toMatchObject({ ok: true, outcome: "duplicate", message: expect.stringContaining("already registered") });
  // No redirect and no link: the booking is not shown to whoever typed the same e-mail.
  expect(JSON.stringify(state)).not.toContain("/open-days/registrations/");
  expect(outbox()).toHaveLength(2);
});

test("the manage page's change is refused over capacity with the choices kept; cancel redirects with a notice", async () => {
  const day = await createOpenDay({ capacity: 2, sessions: [{}] });
  const r = await register(regInput(day.id), { ip: nextIp() });
  await register(regInput(day.id), { ip: nextIp() });
  if (r.outcome !== "confirmed") throw new Error("expected confirmed");
  const before = await dump();
  const state = await updateBookingAction({}, form({ token: r.token, guests: "2", sessionIds: String(day.sessions[0]!.id) }));
  expect(state).toMatchObject({ ok: false, errors: { guests: "There is 1 place left on this open day." }, values: { guests: "2" } });
  expect(await dump()).toBe(before);
  expect(await redirectOf(cancelBookingAction({}, form({ token: r.token })))).toBe(`/open-days/registrations/${r.token}?done=cancelled`);
});

test("a bad token is refused without writing", async () => {
  await createUser();
  const before = await dump();
  const state = await cancelBookingAction({}, form({ token: "nope" }));
  expect(state).toMatchObject({ ok: false, message: expect.stringContaining("not valid") });
  expect(await dump()).toBe(before);
});
