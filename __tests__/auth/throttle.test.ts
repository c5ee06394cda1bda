import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isPg, setDb, transaction, type DB } from "@/db/client";
import { auditLog, loginAttempts } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { authenticate, INVALID_MESSAGE } from "@/lib/auth/sign-in";
import { clearSignInFailures, LOCKED_MESSAGE, THROTTLE, throttleStatus } from "@/lib/auth/throttle";
import { createSignInFailures, createUser } from "../factories";
import { childDatabaseEnv } from "../helpers/child-env";
import { freshDb } from "../helpers/db";

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 3, 9, 0);
const PASSWORD = "a long enough password";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

function signIn(email: string, password: string, now: number, ip = "198.51.100.7") {
  return authenticate({ email, password, ip, now });
}

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email, and audits it without the password", async () => {
    const user = await createUser({ email: "ada@newsroom.test", passwordHash, role: "editor" });
    const result = await signIn("  Ada@Newsroom.test ", PASSWORD, T0);
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, role: "editor", sessionVersion: 1 } });
    const entries = await db.select().from(auditLog);
    expect(entries).toEqual([expect.objectContaining({ action: "auth.sign-in", actorId: user.id, ip: "198.51.100.7", entityId: String(user.id) })]);
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
  });

  it("gives the same answer for an unknown email, a wrong password and a disabled account; each failure is audited", async () => {
    await createUser({ email: "ada@newsroom.test", passwordHash });
    await createUser({ email: "gone@newsroom.test", passwordHash, disabled: true });
    const unknown = await signIn("nobody@newsroom.test", PASSWORD, T0);
    const wrong = await signIn("ada@newsroom.test", "Tr0ub4dor&3", T0);
    const disabled = await signIn("gone@newsroom.test", PASSWORD, T0);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
    expect(disabled).toEqual(unknown);
    const entries = await db.select().from(auditLog);
    expect(entries.map((e) => e.action)).toEqual(["auth.sign-in-failed", "auth.sign-in-failed", "auth.sign-in-failed"]);
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
    expect(JSON.stringify(entries)).not.toContain("Tr0ub4dor&3");
    expect(INVALID_MESSAGE).toBe("Email or password is incorrect.");
  });

  it("after 5 failures from one address, delays that address's next attempt on that account, even with the right password", async () => {
    await createUser({ email: "ada@newsroom.test", passwordHash });
    for (let i = 0; i < 5; i++) expect((await signIn("ada@newsroom.test", `guess ${i}`, T0 + i * 1000)).ok).toBe(false);
    const refused = await signIn("ada@newsroom.test", PASSWORD, T0 + 5000);
    expect(refused).toEqual({ ok: false, reason: "locked" });
    expect(LOCKED_MESSAGE).toBe("Too many failed attempts. Wait a few minutes and try again.");
    // The refusal is audited but is not itself counted as a failure.
    expect((await db.select().from(auditLog)).at(-1)).toMatchObject({ action: "auth.sign-in-refused" });
    expect(await db.select().from(loginAttempts)).toHaveLength(5);
    // Other accounts are unaffected.
    await createUser({ email: "bob@newsroom.test", passwordHash });
    expect((await signIn("bob@newsroom.test", PASSWORD, T0 + 5000)).ok).toBe(true);
  });

  it("guesses sent in parallel are throttled like guesses sent one by one: five are checked, the rest refused", async () => {
    await createUser({ email: "ada@newsroom.test", passwordHash });
    // The right password is among the last guesses: with the old check-then-record order every
    // guess passed the check before any failure was written, so it got in.
    const guesses = Array.from({ length: 20 }, (_, i) => (i === 15 ? PASSWORD : `guess ${i}`));
    const results = await Promise.all(guesses.map((password) => signIn("ada@newsroom.test", password, T0)));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE.freeFailures);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(20 - THROTTLE.freeFailures);
    expect(results.some((r) => r.ok)).toBe(false);
    expect(await db.select().from(loginAttempts)).toHaveLength(THROTTLE.freeFailures);
    const actions = (await db.select().from(auditLog)).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.sign-in-failed")).toHaveLength(THROTTLE.freeFailures);
    expect(actions.filter((a) => a === "auth.sign-in-refused")).toHaveLength(20 - THROTTLE.freeFailures);
  });

  it("a right password sent in parallel with wrong ones still counts as a success for that address", async () => {
    await createUser({ email: "ada@newsroom.test", passwordHash });
    const results = await Promise.all([PASSWORD, "nope 1", "nope 2"].map((password) => signIn("ada@newsroom.test", password, T0)));
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    const attempts = await db.select().from(loginAttempts);
    expect(attempts.map((a) => a.success).sort()).toEqual([false, false, true]);
  });

  it("an attacker at one address cannot lock the account out for its owner at another", async () => {
    await createUser({ email: "admin@newsroom.test", passwordHash, role: "admin" });
    for (let i = 0; i < 40; i++) await signIn("admin@newsroom.test", `guess ${i}`, T0 + i * 20 * MIN, "203.0.113.66");
    expect(await signIn("admin@newsroom.test", PASSWORD, T0 + 39 * 20 * MIN + MIN, "203.0.113.66")).toEqual({ ok: false, reason: "locked" });
    expect((await signIn("admin@newsroom.test", PASSWORD, T0 + 39 * 20 * MIN + MIN, "198.51.100.10")).ok).toBe(true);
  });

  it("doubles the delay with each further failure, up to 15 minutes", async () => {
    await createUser({ email: "ada@newsroom.test", passwordHash });
    const ip = "203.0.113.66";
    let at = T0;
    for (let i = 0; i < 5; i++) await signIn("ada@newsroom.test", "nope", (at += 1000), ip);
    const delays: number[] = [];
    for (let round = 0; round < 7; round++) {
      const status = await throttleStatus("ada@newsroom.test", ip, at + 1);
      if (!status.locked) throw new Error("expected a delay");
      delays.push(status.until - at);
      // Refused until the delay has passed, then one more guess is checked.
      expect(await signIn("ada@newsroom.test", PASSWORD, status.until - 1, ip)).toEqual({ ok: false, reason: "locked" });
      at = status.until;
      expect(await throttleStatus("ada@newsroom.test", ip, at)).toEqual({ locked: false });
      await signIn("ada@newsroom.test", "nope", at, ip);
    }
    expect(delays).toEqual([1, 2, 4, 8, 15, 15, 15].map((m) => m * MIN));
    expect(THROTTLE.maxDelayMs).toBe(15 * MIN);
  });

  it("lets the right password in once the delay has passed, and a success clears that address's failures", async () => {
    await createUser({ email: "ada@newsroom.test", passwordHash });
    for (let i = 0; i < 5; i++) await signIn("ada@newsroom.test", "nope", T0 + i * 1000);
    const lastFailure = T0 + 4000;
    expect(await throttleStatus("ada@newsroom.test", "198.51.100.7", lastFailure + MIN - 1)).toMatchObject({ locked: true, reason: "account" });
    expect((await signIn("ada@newsroom.test", PASSWORD, lastFailure + MIN)).ok).toBe(true);
    await signIn("ada@newsroom.test", "nope", lastFailure + MIN + 1);
    expect(await throttleStatus("ada@newsroom.test", "198.51.100.7", lastFailure + MIN + 2)).toEqual({ locked: false });
  });

  it("a successful sign-in clears earlier failures", async () => {
    await createUser({ email: "ada@newsroom.test", passwordHash });
    for (let i = 0; i < 4; i++) await signIn("ada@newsroom.test", "nope", T0 + i * MIN);
    expect((await signIn("ada@newsroom.test", PASSWORD, T0 + 5 * MIN)).ok).toBe(true);
    await signIn("ada@newsroom.test", "nope", T0 + 6 * MIN);
    expect((await signIn("ada@newsroom.test", PASSWORD, T0 + 7 * MIN)).ok).toBe(true);
  });

  it("clearSignInFailures lifts every delay on the account, from every address", async () => {
    await createUser({ email: "ada@newsroom.test", passwordHash });
    for (const ip of ["203.0.113.1", "203.0.113.2"]) for (let i = 0; i < 6; i++) await signIn("ada@newsroom.test", "nope", T0 + i * 1000, ip);
    await createUser({ email: "bob@newsroom.test", passwordHash });
    for (let i = 0; i < 6; i++) await signIn("bob@newsroom.test", "nope", T0 + i * 1000, "203.0.113.1");
    expect(await throttleStatus("ada@newsroom.test", "203.0.113.1", T0 + 7000)).toMatchObject({ locked: true });
    // Five recorded per address: the sixth attempt of each was refused, not counted.
    expect(await transaction((tx) => clearSignInFailures(tx, " Ada@Newsroom.test"), db)).toBe(10);
    expect(await throttleStatus("ada@newsroom.test", "203.0.113.1", T0 + 7000)).toEqual({ locked: false });
    expect(await throttleStatus("ada@newsroom.test", "203.0.113.2", T0 + 7000)).toEqual({ locked: false });
    expect(await throttleStatus("bob@newsroom.test", "203.0.113.1", T0 + 7000)).toMatchObject({ locked: true });
  });

  it("refuses an IP after 100 failures in an hour, for every account", async () => {
    await createUser({ email: "ada@newsroom.test", passwordHash });
    for (let i = 0; i < THROTTLE.ipFailures; i++) await createSignInFailures({ email: `spray${i}@x.test`, ip: "192.0.2.1", at: T0 + i * 1000 });
    const now = T0 + 30 * MIN;
    expect(await signIn("ada@newsroom.test", PASSWORD, now, "192.0.2.1")).toEqual({ ok: false, reason: "locked" });
    // Another IP can still sign in to the same account.
    expect((await signIn("ada@newsroom.test", PASSWORD, now, "192.0.2.2")).ok).toBe(true);
    // An hour after the first failures, the IP is allowed again as they age out.
    expect(await throttleStatus("ada@newsroom.test", "192.0.2.1", T0 + 60 * MIN + 1000)).toEqual({ locked: false });
  });
});

describe("throttle counters survive a restart", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "throttle-"));
  const file = path.join(dir, "newsroom.db");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps an account delayed when a new process opens the same database", async () => {
    // SQLite: the same file, opened anew. PostgreSQL: this file's database (emptied by beforeEach), through a new pool each time.
    const url = isPg ? (await childDatabaseEnv(db)).DATABASE_URL! : "";
    try {
      await jest.isolateModulesAsync(async () => {
        const client = await import("@/db/client");
        const db1 = client.isPg ? client.openPostgres(url, 1) : client.openDatabase(file);
        client.setDb(db1);
        const factories = await import("../factories");
        await factories.createUser({ email: "ada@newsroom.test", passwordHash });
        const { authenticate: auth1 } = await import("@/lib/auth/sign-in");
        for (let i = 0; i < 5; i++) await auth1({ email: "ada@newsroom.test", password: "nope", ip: "x", now: T0 + i * MIN });
        await client.closeDatabase(db1);
        client.setDb(undefined);
      });
      await jest.isolateModulesAsync(async () => {
        const client = await import("@/db/client");
        const db2 = client.isPg ? client.openPostgres(url, 1) : client.openDatabase(file);
        client.setDb(db2);
        try {
          const { authenticate: auth2 } = await import("@/lib/auth/sign-in");
          const result = await auth2({ email: "ada@newsroom.test", password: PASSWORD, ip: "x", now: T0 + 4 * MIN + 30_000 });
          expect(result).toEqual({ ok: false, reason: "locked" });
        } finally {
          await client.closeDatabase(db2);
        }
      });
    } finally {
      setDb(db);
    }
  });
});
