import { CredentialsSignin } from "next-auth";
import { signInAction, signOutAction } from "@/app/login/actions";
import { auditLog, revokedSessions } from "@/db/schema";
import { signIn, signOut } from "@/lib/auth/auth";
import { newClaims } from "@/lib/auth/claims";
import { currentSessionClaims, currentSessionUser } from "@/lib/auth/session";
import { createUser } from "../factories";
import { freshDb } from "../helpers/db";
import type { DB } from "@/db/client";
import { form } from "../helpers/form";

jest.mock("next-auth", () => ({
  CredentialsSignin: class CredentialsSignin extends Error {
    code = "credentials";
  },
}));
jest.mock("@/lib/auth/auth", () => ({ signIn: jest.fn(), signOut: jest.fn() }));
jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "203.0.113.5") }));

const mockedSignIn = signIn as unknown as jest.Mock;
const mockedSignOut = signOut as unknown as jest.Mock;

let db: DB;
beforeEach(async () => {
  db = await freshDb();
  jest.clearAllMocks();
});

describe("signInAction", () => {
  it("signs in and goes to the requested editor page", async () => {
    mockedSignIn.mockResolvedValue("/editor");
    await expect(signInAction({}, form({ email: "ada@x.test", password: "pw", next: "/editor/stories" }))).rejects.toThrow("NEXT_REDIRECT:/editor/stories");
    expect(mockedSignIn).toHaveBeenCalledWith("credentials", { email: "ada@x.test", password: "pw", redirect: false });
  });

  it("never redirects off-site", async () => {
    mockedSignIn.mockResolvedValue("/editor");
    await expect(signInAction({}, form({ email: "ada@x.test", password: "pw", next: "https://evil.example/" }))).rejects.toThrow("NEXT_REDIRECT:/editor");
  });

  it("shows the one message for bad credentials, keeps the email, and drops the password", async () => {
    mockedSignIn.mockRejectedValue(new CredentialsSignin());
    const state = await signInAction({}, form({ email: "ada@x.test", password: "secret-typed", next: "" }));
    expect(state).toMatchObject({ ok: false, message: "Email or password is incorrect.", values: { email: "ada@x.test" } });
    expect(JSON.stringify(state)).not.toContain("secret-typed");
  });

  it("explains a locked account", async () => {
    const locked = new CredentialsSignin();
    (locked as unknown as { code: string }).code = "locked";
    mockedSignIn.mockRejectedValue(locked);
    const state = await signInAction({}, form({ email: "ada@x.test", password: "pw" }));
    expect(state.message).toBe("Too many failed attempts. Wait a few minutes and try again.");
  });

  it("validates before calling next-auth", async () => {
    const state = await signInAction({}, form({ email: "not an email", password: "" }));
    expect(state.errors).toMatchObject({ email: expect.any(String), password: "Enter your password." });
    expect(state.values).toEqual({ email: "not an email" });
    expect(mockedSignIn).not.toHaveBeenCalled();
  });
});

describe("signOutAction", () => {
  it("records the session id as revoked, audits, clears the cookie and goes to /login", async () => {
    const user = await createUser({ role: "editor" });
    const claims = newClaims(user);
    (currentSessionClaims as jest.Mock).mockResolvedValue(claims);
    (currentSessionUser as jest.Mock).mockResolvedValue({ id: user.id, email: user.email, name: user.name, role: user.role });
    await expect(signOutAction()).rejects.toThrow("NEXT_REDIRECT:/login");
    expect(await db.select().from(revokedSessions)).toEqual([expect.objectContaining({ jti: claims.jti })]);
    expect(await db.select().from(auditLog)).toEqual([expect.objectContaining({ action: "auth.sign-out", actorId: user.id, ip: "203.0.113.5" })]);
    expect(mockedSignOut).toHaveBeenCalledWith({ redirect: false });
  });

  it("when already signed out just goes to /login", async () => {
    (currentSessionClaims as jest.Mock).mockResolvedValue(null);
    await expect(signOutAction()).rejects.toThrow("NEXT_REDIRECT:/login");
    expect(await db.select().from(revokedSessions)).toEqual([]);
    expect(mockedSignOut).not.toHaveBeenCalled();
  });
});
