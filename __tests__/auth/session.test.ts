import { first } from "@/db/client";
import { eq, sql } from "drizzle-orm";
import { revokedSessions, users } from "@/db/schema";
import { auth } from "@/lib/auth/auth";
import { newClaims, SESSION_MAX_AGE_S, sessionCookie } from "@/lib/auth/claims";
import { currentSessionUser } from "@/lib/auth/session";
import { revokeSession } from "@/lib/auth/sign-out";
import { createUser } from "../factories";
import { freshDb } from "../helpers/db";
import type { DB } from "@/db/client";

// This file tests the real session module, which the setup file mocks for every other test.
jest.unmock("@/lib/auth/session");
jest.mock("@/lib/auth/auth", () => ({ auth: jest.fn() }));
const mockedAuth = auth as unknown as jest.Mock;

let db: DB;
beforeEach(async () => {
  db = await freshDb();
  mockedAuth.mockReset();
});

/** What next-auth's session callback hands back for a user who signed in now. */
function sessionFor(user: { id: number; role: "contributor" | "editor" | "admin"; sessionVersion: number }, signedInAt = Date.now()) {
  const claims = newClaims(user, signedInAt);
  mockedAuth.mockResolvedValue({ user: { name: "x", email: "x" }, expires: new Date(Date.now() + 3600_000).toISOString(), ...claims });
  return claims;
}

describe("currentSessionUser", () => {
  it("returns the signed-in user with the role from the database", async () => {
    const user = await createUser({ role: "editor" });
    sessionFor(user);
    await expect(currentSessionUser()).resolves.toEqual({ id: user.id, email: user.email, name: user.name, role: "editor" });
  });

  it("returns null when signed out or the session is malformed", async () => {
    mockedAuth.mockResolvedValue(null);
    await expect(currentSessionUser()).resolves.toBeNull();
    mockedAuth.mockResolvedValue({ user: {}, expires: "", userId: "1", role: "editor" });
    await expect(currentSessionUser()).resolves.toBeNull();
  });

  it("refuses a disabled user on the next request", async () => {
    const user = await createUser({ role: "editor" });
    sessionFor(user);
    await db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    await expect(currentSessionUser()).resolves.toBeNull();
  });

  it("refuses a session issued before a demotion (session version bumped), and never trusts the cookie's role", async () => {
    const user = await createUser({ role: "admin" });
    sessionFor(user);
    await db.update(users).set({ role: "contributor", sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id));
    await expect(currentSessionUser()).resolves.toBeNull();
    // Even with a matching version, the role comes from the row, not the cookie.
    const fresh = (await first(db.select().from(users).where(eq(users.id, user.id)).limit(1)))!;
    const claims = newClaims({ ...fresh, role: "admin" });
    mockedAuth.mockResolvedValue({ user: {}, expires: "", ...claims });
    await expect(currentSessionUser()).resolves.toMatchObject({ role: "contributor" });
  });

  it("refuses a session after a password change (version bumped)", async () => {
    const user = await createUser({ role: "editor" });
    sessionFor(user);
    await db.update(users).set({ passwordHash: "new", sessionVersion: 2 }).where(eq(users.id, user.id));
    await expect(currentSessionUser()).resolves.toBeNull();
  });

  it("refuses a signed-out cookie replayed later, but not the same user's other sessions", async () => {
    const user = await createUser({ role: "editor" });
    const first = sessionFor(user);
    await revokeSession(first, user, "203.0.113.1");
    expect(await db.select().from(revokedSessions)).toEqual([{ jti: first.jti, expiresAt: first.signedInAt + SESSION_MAX_AGE_S * 1000 }]);
    await expect(currentSessionUser()).resolves.toBeNull();
    sessionFor(user);
    await expect(currentSessionUser()).resolves.toMatchObject({ id: user.id });
  });

  it("refuses a session older than the maximum age even if the cookie was refreshed", async () => {
    const user = await createUser();
    sessionFor(user, Date.now() - SESSION_MAX_AGE_S * 1000 - 1);
    await expect(currentSessionUser()).resolves.toBeNull();
  });

  it("refuses a deleted user", async () => {
    const user = await createUser();
    sessionFor(user);
    await db.delete(users).where(eq(users.id, user.id));
    await expect(currentSessionUser()).resolves.toBeNull();
  });
});

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and Secure (with the __Secure- prefix) only over HTTPS", () => {
    expect(sessionCookie("http://localhost:3000")).toEqual({
      secure: false,
      name: "authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
    expect(sessionCookie("https://news.example.ac.uk")).toMatchObject({ secure: true, name: "__Secure-authjs.session-token", options: { secure: true, httpOnly: true, sameSite: "lax" } });
  });
});
