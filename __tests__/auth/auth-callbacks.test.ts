import { eq, sql } from "drizzle-orm";
import { auditLog, revokedSessions, users } from "@/db/schema";
import { jwtCallback, sessionCallback, signOutEvent } from "@/lib/auth/callbacks";
import { newClaims } from "@/lib/auth/claims";
import { revokeSession } from "@/lib/auth/sign-out";
import { createUser } from "../factories";
import { freshDb } from "../helpers/db";
import type { DB } from "@/db/client";
import { setRequestHeaders } from "../helpers/stubs/next-headers";

beforeEach(() => setRequestHeaders({ "x-newsroom-socket-ip": "203.0.113.4" }));

/**
 * next-auth's /api/auth/session runs jwt() then session(); a null from jwt()
 * makes it answer `null` and clear the cookie. POST /api/auth/signout decodes
 * the cookie and fires events.signOut({ token }).
 */
let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

const tokenFor = (user: { id: number; role: "contributor" | "editor" | "admin"; sessionVersion: number }) => ({ name: "x", email: "x", ...newClaims(user) });
const session = () => ({ user: { name: "x", email: "x" }, expires: new Date(Date.now() + 3600_000).toISOString() });

describe("sign-out through next-auth (POST /api/auth/signout)", () => {
  it("revokes the session, so the saved cookie no longer yields a session", async () => {
    const user = await createUser({ role: "editor" });
    const token = tokenFor(user);
    expect(await jwtCallback({ token })).toMatchObject({ userId: user.id });
    await signOutEvent({ token });
    expect(await db.select().from(revokedSessions)).toEqual([expect.objectContaining({ jti: token.jti })]);
    expect(await db.select().from(auditLog)).toEqual([expect.objectContaining({ action: "auth.sign-out", actorId: user.id, ip: "203.0.113.4" })]);
    expect(await jwtCallback({ token })).toBeNull();
  });

  it("after the sign-out form's action has revoked the session, the event does not audit it twice", async () => {
    const user = await createUser({ role: "editor" });
    const token = tokenFor(user);
    await revokeSession(token, user, "203.0.113.4");
    await signOutEvent({ token });
    expect(await db.select().from(auditLog)).toHaveLength(1);
  });

  it("ignores a sign-out without our claims", async () => {
    await signOutEvent({ token: { name: "x" } });
    await signOutEvent({ session: null });
    expect(await db.select().from(revokedSessions)).toEqual([]);
  });
});

describe("/api/auth/session claims", () => {
  it("are withheld for a disabled user or a session issued before a demotion or password change", async () => {
    const user = await createUser({ role: "admin" });
    const token = tokenFor(user);
    await db.update(users).set({ role: "contributor", sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id));
    expect(await jwtCallback({ token })).toBeNull();
    const other = await createUser({ role: "editor" });
    const otherToken = tokenFor(other);
    await db.update(users).set({ disabled: true }).where(eq(users.id, other.id));
    expect(await jwtCallback({ token: otherToken })).toBeNull();
  });

  it("carry the role from the database, not the cookie", async () => {
    const user = await createUser({ role: "contributor" });
    const token = { ...tokenFor(user), role: "admin" as const };
    const refreshed = await jwtCallback({ token });
    expect(refreshed).toMatchObject({ role: "contributor" });
    expect(sessionCallback({ session: session(), token: refreshed! })).toMatchObject({ userId: user.id, role: "contributor" });
  });

  it("stamps the claims at sign-in from what authorize() returned", async () => {
    const user = await createUser({ role: "editor" });
    const token = await jwtCallback({ token: { name: "x" }, user: { id: String(user.id), email: user.email, name: user.name, role: "editor", sessionVersion: 1 } });
    expect(token).toMatchObject({ userId: user.id, role: "editor", sessionVersion: 1 });
  });

  it("a token without claims is no session", async () => {
    expect(await jwtCallback({ token: { name: "x" } })).toBeNull();
  });
});
