import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { auditLog, loginAttempts } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { authenticate, INVALID_MESSAGE } from "@/lib/auth/sign-in";
import { LOCKED_MESSAGE, THROTTLE, throttleStatus } from "@/lib/auth/throttle";
import { createUser } from "../factories";
import { freshDb } from "../helpers/db";

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 3, 9, 0);
const PASSWORD = "a long enough password";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});

function signIn(email: string, password: string, now: number, ip = "198.51.100.7") {
  return authenticate({ email, password, ip, now });
}

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email, and audits it without the password", async () => {
    const user = createUser({ email: "ada@newsroom.test", passwordHash, role: "editor" });
    const result = await signIn("  Ada@Newsroom.test ", PASSWORD, T0);
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, role: "editor", sessionVersion: 1 } });
    const entries = db.select().from(auditLog).all();
    expect(entries).toEqual([expect.objectContaining({ action: "auth.sign-in", actorId: user.id, ip: "198.51.100.7", entityId: String(user.id) })]);
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
  });

  it("gives the same answer for an unknown email, a wrong password and a disabled account; each failure is audited", async () => {
    createUser({ email: "ada@newsroom.test", passwordHash });
    createUser({ email: "gone@newsroom.test", passwordHash, disabled: true });
    const unknown = await signIn("nobody@newsroom.test", PASSWORD, T0);
    const wrong = await signIn("ada@newsroom.test", "Tr0ub4dor&3", T0);
    const disabled = await signIn("gone@newsroom.test", PASSWORD, T0);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
    expect(disabled).toEqual(unknown);
    const entries = db.select().from(auditLog).all();
    expect(entries.map((e) => e.action)).toEqual(["auth.sign-in-failed", "auth.sign-in-failed", "auth.sign-in-failed"]);
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
    expect(JSON.stringify(entries)).not.toContain("Tr0ub4dor&3");
    expect(INVALID_MESSAGE).toBe("Email or password is incorrect.");
  });

  it("locks an account after 5 failures in 15 minutes, even against the right password", async () => {
    createUser({ email: "ada@newsroom.test", passwordHash });
    for (let i = 0; i < 5; i++) expect((await signIn("ada@newsroom.test", `guess ${i}`, T0 + i * MIN)).ok).toBe(false);
    const locked = await signIn("ada@newsroom.test", PASSWORD, T0 + 5 * MIN);
    expect(locked).toEqual({ ok: false, reason: "locked" });
    expect(LOCKED_MESSAGE).toBe("Too many failed attempts. Try again in 15 minutes.");
    // The refusal is audited but is not itself counted as a failure.
    expect(db.select().from(auditLog).all().at(-1)).toMatchObject({ action: "auth.sign-in-refused" });
    expect(db.select().from(loginAttempts).all()).toHaveLength(5);
    // Other accounts are unaffected.
    createUser({ email: "bob@newsroom.test", passwordHash });
    expect((await signIn("bob@newsroom.test", PASSWORD, T0 + 5 * MIN)).ok).toBe(true);
  });

  it("lifts the lock 15 minutes after the failure that set it", async () => {
    createUser({ email: "ada@newsroom.test", passwordHash });
    for (let i = 0; i < 5; i++) await signIn("ada@newsroom.test", "nope", T0 + i * MIN);
    const lockingFailure = T0 + 4 * MIN;
    expect(throttleStatus("ada@newsroom.test", "x", lockingFailure + 15 * MIN - 1)).toMatchObject({ locked: true, reason: "account" });
    expect(throttleStatus("ada@newsroom.test", "x", lockingFailure + 15 * MIN)).toEqual({ locked: false });
    expect((await signIn("ada@newsroom.test", PASSWORD, lockingFailure + 15 * MIN)).ok).toBe(true);
  });

  it("does not lock when the 5 failures are spread over more than 15 minutes", async () => {
    createUser({ email: "ada@newsroom.test", passwordHash });
    for (let i = 0; i < 5; i++) await signIn("ada@newsroom.test", "nope", T0 + i * 4 * MIN);
    expect((await signIn("ada@newsroom.test", PASSWORD, T0 + 16 * MIN + 1)).ok).toBe(true);
  });

  it("a successful sign-in clears earlier failures", async () => {
    createUser({ email: "ada@newsroom.test", passwordHash });
    for (let i = 0; i < 4; i++) await signIn("ada@newsroom.test", "nope", T0 + i * MIN);
    expect((await signIn("ada@newsroom.test", PASSWORD, T0 + 5 * MIN)).ok).toBe(true);
    await signIn("ada@newsroom.test", "nope", T0 + 6 * MIN);
    expect((await signIn("ada@newsroom.test", PASSWORD, T0 + 7 * MIN)).ok).toBe(true);
  });

  it("refuses an IP after 100 failures in an hour, for every account", async () => {
    createUser({ email: "ada@newsroom.test", passwordHash });
    const rows = Array.from({ length: THROTTLE.ipFailures }, (_, i) => ({ email: `spray${i}@x.test`, ip: "192.0.2.1", success: false, at: T0 + i * 1000 }));
    db.insert(loginAttempts).values(rows).run();
    const now = T0 + 30 * MIN;
    expect(await signIn("ada@newsroom.test", PASSWORD, now, "192.0.2.1")).toEqual({ ok: false, reason: "locked" });
    // Another IP can still sign in to the same account.
    expect((await signIn("ada@newsroom.test", PASSWORD, now, "192.0.2.2")).ok).toBe(true);
    // An hour after the first failures, the IP is allowed again as they age out.
    expect(throttleStatus("ada@newsroom.test", "192.0.2.1", T0 + 60 * MIN + 1000)).toEqual({ locked: false });
  });
});

describe("throttle counters survive a restart", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "throttle-"));
  const file = path.join(dir, "newsroom.db");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps an account locked when a new process opens the same database file", async () => {
    const first = await jest.isolateModulesAsync(async () => {
      const client = await import("@/db/client");
      const db1 = client.openDatabase(file);
      client.setDb(db1);
      const factories = await import("../factories");
      factories.createUser({ email: "ada@newsroom.test", passwordHash });
      const { authenticate: auth1 } = await import("@/lib/auth/sign-in");
      for (let i = 0; i < 5; i++) await auth1({ email: "ada@newsroom.test", password: "nope", ip: "x", now: T0 + i * MIN });
      db1.$client.close();
      client.setDb(undefined);
    });
    void first;
    await jest.isolateModulesAsync(async () => {
      const client = await import("@/db/client");
      client.setDb(client.openDatabase(file));
      const { authenticate: auth2 } = await import("@/lib/auth/sign-in");
      const result = await auth2({ email: "ada@newsroom.test", password: PASSWORD, ip: "x", now: T0 + 6 * MIN });
      expect(result).toEqual({ ok: false, reason: "locked" });
    });
  });
});
