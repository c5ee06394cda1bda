import { first } from "@/db/client";
import { eq } from "drizzle-orm";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction, unlockSignInAction } from "@/app/editor/users/actions";
import { auditLog, users } from "@/db/schema";
import { throttleStatus } from "@/lib/auth/throttle";
import { verifyPassword } from "@/lib/auth/password";
import { createSignInFailures, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import type { DB } from "@/db/client";
import { auditActions, snapshot } from "./mocks";
import { form } from "../helpers/form";
import { actAs } from "../helpers/session";

jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "203.0.113.9") }));

let db: DB;
let admin: Awaited<ReturnType<typeof createUser>>;
beforeEach(async () => {
  db = await freshDb();
  admin = await createUser({ role: "admin", email: "admin@newsroom.test" });
  actAs(admin);
});

const row = async (id: number) => (await first(db.select().from(users).where(eq(users.id, id)).limit(1)))!;

describe("users", () => {
  it("creates an account with a generated password shown once, never stored or audited in clear", async () => {
    const state = await createUserAction({}, form({ email: "New.Person@Newsroom.test", name: "New Person", role: "editor", password: "" }));
    expect(state.ok).toBe(true);
    const password = /password is (\S+)/.exec(state.message!)?.[1];
    expect(password).toBeDefined();
    const created = (await first(db.select().from(users).where(eq(users.email, "new.person@newsroom.test")).limit(1)))!;
    expect(created).toMatchObject({ name: "New Person", role: "editor", disabled: false });
    await expect(verifyPassword(created.passwordHash, password!)).resolves.toBe(true);
    expect(await auditActions()).toEqual(["user.create"]);
    expect(JSON.stringify((await snapshot()).audit_log)).not.toContain(password!);
  });

  it("accepts a chosen password and does not send it back", async () => {
    const state = await createUserAction({}, form({ email: "c@newsroom.test", name: "C", role: "contributor", password: "a-chosen-password" }));
    expect(state).toMatchObject({ ok: true });
    expect(JSON.stringify(state)).not.toContain("a-chosen-password");
    const created = (await first(db.select().from(users).where(eq(users.email, "c@newsroom.test")).limit(1)))!;
    await expect(verifyPassword(created.passwordHash, "a-chosen-password")).resolves.toBe(true);
  });

  it("refuses bad input, keeping what was typed (but not the password) and writing nothing", async () => {
    const before = await snapshot();
    const state = await createUserAction({}, form({ email: "nope", name: "", role: "boss", password: "short" }));
    expect(state.ok).toBe(false);
    expect(Object.keys(state.errors!).sort()).toEqual(["email", "name", "password", "role"]);
    expect(state.values).toEqual({ email: "nope", name: "", role: "boss" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a duplicate email (whatever its case) and writes nothing", async () => {
    await createUser({ email: "taken@newsroom.test" });
    const before = await snapshot();
    const state = await createUserAction({}, form({ email: "TAKEN@newsroom.test", name: "Dup", role: "editor" }));
    expect(state).toMatchObject({ ok: false, errors: { email: "There is already an account with that email address." } });
    expect(await snapshot()).toEqual(before);
  });

  it("changing role, disabling and resetting a password each bump the session version and are audited", async () => {
    const target = await createUser({ role: "editor" });
    await changeRoleAction({}, form({ userId: String(target.id), role: "contributor" }));
    expect(await row(target.id)).toMatchObject({ role: "contributor", sessionVersion: 2 });
    await setDisabledAction({}, form({ userId: String(target.id), disabled: "true", confirm: "on" }));
    expect(await row(target.id)).toMatchObject({ disabled: true, sessionVersion: 3 });
    await setDisabledAction({}, form({ userId: String(target.id), disabled: "false" }));
    expect(await row(target.id)).toMatchObject({ disabled: false, sessionVersion: 4 });
    const reset = await resetPasswordAction({}, form({ userId: String(target.id) }));
    const password = /New password: (\S+)/.exec(reset.message!)?.[1];
    expect((await row(target.id)).sessionVersion).toBe(5);
    await expect(verifyPassword((await row(target.id)).passwordHash, password!)).resolves.toBe(true);
    expect(await auditActions()).toEqual(["user.role", "user.disable", "user.enable", "user.reset-password"]);
    const audit = await db.select().from(auditLog).orderBy(auditLog.id);
    expect(audit.every((e) => e.ip === "203.0.113.9" && e.actorId === admin.id && e.entityId === String(target.id))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(password!);
  });

  it("an admin cannot disable or demote themselves", async () => {
    const before = await snapshot();
    const demote = await changeRoleAction({}, form({ userId: String(admin.id), role: "editor" }));
    const disable = await setDisabledAction({}, form({ userId: String(admin.id), disabled: "true", confirm: "on" }));
    expect(demote).toMatchObject({ ok: false, message: expect.stringContaining("your own role") });
    expect(disable).toMatchObject({ ok: false, message: "You cannot disable your own account." });
    expect(await snapshot()).toEqual(before);
  });

  it("reports a user that does not exist without writing", async () => {
    const before = await snapshot();
    const state = await setDisabledAction({}, form({ userId: "9999", disabled: "true", confirm: "on" }));
    expect(state).toMatchObject({ ok: false, message: "That user no longer exists." });
    expect(await snapshot()).toEqual(before);
  });

  it("disabling asks for confirmation: without the box ticked nothing changes and the box is marked", async () => {
    const target = await createUser({ role: "editor" });
    const before = await snapshot();
    const state = await setDisabledAction({}, form({ userId: String(target.id), disabled: "true" }));
    expect(state).toMatchObject({ ok: false, errors: { confirm: expect.stringContaining("Tick the box") } });
    expect(await snapshot()).toEqual(before);
    // Enabling again needs no confirmation.
    await setDisabledAction({}, form({ userId: String(target.id), disabled: "true", confirm: "on" }));
    expect((await row(target.id)).disabled).toBe(true);
    expect((await setDisabledAction({}, form({ userId: String(target.id), disabled: "false" }))).ok).toBe(true);
  });
});

describe("unlocking sign-in", () => {
  async function failFrom(email: string, ip: string, n: number) {
    await createSignInFailures({ email, ip, count: n, at: Date.now() - 10_000 });
  }

  it("an admin clears every sign-in delay on an account, audited", async () => {
    const target = await createUser({ role: "admin", email: "chief@newsroom.test" });
    await failFrom("chief@newsroom.test", "203.0.113.66", 8);
    await failFrom("other@newsroom.test", "203.0.113.66", 8);
    expect(await throttleStatus("chief@newsroom.test", "203.0.113.66")).toMatchObject({ locked: true });
    const state = await unlockSignInAction({}, form({ userId: String(target.id) }));
    expect(state).toMatchObject({ ok: true, message: expect.stringContaining("can sign in again") });
    expect(await throttleStatus("chief@newsroom.test", "203.0.113.66")).toEqual({ locked: false });
    expect(await throttleStatus("other@newsroom.test", "203.0.113.66")).toMatchObject({ locked: true });
    expect(await auditActions()).toEqual(["user.unlock-sign-in"]);
    expect(await db.select().from(auditLog)).toEqual([expect.objectContaining({ actorId: admin.id, entityId: String(target.id), ip: "203.0.113.9" })]);
  });

  it.each(["editor", "contributor"] as const)("is refused to an %s, changing nothing", async (role) => {
    const target = await createUser({ email: "chief@newsroom.test" });
    await failFrom("chief@newsroom.test", "203.0.113.66", 8);
    actAs(await createUser({ role }));
    const state = await unlockSignInAction({}, form({ userId: String(target.id) }));
    expect(state.ok).toBe(false);
    expect(await throttleStatus("chief@newsroom.test", "203.0.113.66")).toMatchObject({ locked: true });
    expect(await auditActions()).toEqual([]);
  });

  it("reports a user that does not exist", async () => {
    const state = await unlockSignInAction({}, form({ userId: "9999" }));
    expect(state).toMatchObject({ ok: false, message: "That user no longer exists." });
    expect(await auditActions()).toEqual([]);
  });
});
