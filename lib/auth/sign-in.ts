import "server-only";
import { eq, sql } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { verifyDummyPassword, verifyPassword } from "./password";
import { claimAttempt, normaliseEmail, settleAttempt } from "./throttle";

export const INVALID_MESSAGE = "Email or password is incorrect.";

export type SignedInUser = { id: number; email: string; name: string; role: Role; sessionVersion: number };

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks an e-mail and password: throttle first (a locked account is refused
 * even with the right password; the attempt is recorded as a failure before
 * the password is checked, see claimAttempt()), then the argon2id hash. An unknown address,
 * a disabled account and a wrong password give the same answer. Every
 * outcome is audited; the password never is.
 */
export async function authenticate(input: { email: string; password: string; ip: string; now?: number }): Promise<SignInResult> {
  const db = getDb();
  const email = normaliseEmail(input.email);
  const now = input.now ?? Date.now();

  const claim = await claimAttempt(email, input.ip, now);
  if (claim.locked) {
    await writeAudit(db, {
      actor: null,
      action: "auth.sign-in-refused",
      entity: "user",
      ip: input.ip,
      details: { email, reason: claim.reason === "ip" ? "too many failures from this IP" : "account locked" },
    });
    return { ok: false, reason: "locked" };
  }

  const user = await first(
    db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1),
  );
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : await verifyDummyPassword(input.password);
  const ok = Boolean(user && passwordOk && !user.disabled);

  await transaction(async (tx) => {
    if (ok) await settleAttempt(tx, claim.attemptId);
    await writeAudit(tx, {
      actor: ok && user ? { id: user.id, email: user.email } : null,
      action: ok ? "auth.sign-in" : "auth.sign-in-failed",
      entity: "user",
      entityId: user?.id ?? null,
      ip: input.ip,
      details: ok ? { email } : { email, reason: !user ? "unknown email" : user.disabled && passwordOk ? "account disabled" : "wrong password" },
    });
  });

  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
