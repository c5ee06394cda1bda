import "server-only";
import { and, count, desc, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginAttempts } from "@/db/schema";

const MINUTE = 60_000;

export const THROTTLE = {
  /** Failures for one e-mail address within `accountWindowMs` that lock it. */
  accountFailures: 5,
  accountWindowMs: 15 * MINUTE,
  /** How long the lock lasts from the failure that set it. */
  lockMs: 15 * MINUTE,
  /** Failures from one IP address within `ipWindowMs` after which it is refused. */
  ipFailures: 100,
  ipWindowMs: 60 * MINUTE,
  /** Attempts older than this are no longer needed by either rule. */
  keepMs: 24 * 60 * MINUTE,
} as const;

export const LOCKED_MESSAGE = "Too many failed attempts. Try again in 15 minutes.";

export type ThrottleStatus = { locked: false } | { locked: true; reason: "account" | "ip"; until: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether a sign-in attempt may be checked at all. Counters live in
 * login_attempts, so a restart does not reset them. Refused attempts are not
 * recorded as failures: the lock ends 15 minutes after the failure that set
 * it rather than growing while someone keeps trying.
 */
export function throttleStatus(emailInput: string, ip: string, now = Date.now()): ThrottleStatus {
  const db = getDb();
  const email = normaliseEmail(emailInput);

  const lastSuccess = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, true)))
    .orderBy(desc(loginAttempts.at))
    .limit(1)
    .get();
  // Failures before the last successful sign-in no longer count towards a lock.
  const since = Math.max(now - THROTTLE.accountWindowMs - THROTTLE.lockMs, lastSuccess?.at ?? 0);
  const failures = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(THROTTLE.accountFailures)
    .all();
  const newest = failures[0];
  const oldest = failures[THROTTLE.accountFailures - 1];
  if (newest && oldest && newest.at - oldest.at < THROTTLE.accountWindowMs) {
    const until = newest.at + THROTTLE.lockMs;
    if (now < until) return { locked: true, reason: "account", until };
  }

  const fromIp = db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, now - THROTTLE.ipWindowMs)))
    .get();
  if ((fromIp?.n ?? 0) >= THROTTLE.ipFailures) return { locked: true, reason: "ip", until: now + THROTTLE.ipWindowMs };

  return { locked: false };
}

type Writer = Pick<ReturnType<typeof getDb>, "insert" | "delete">;

/** Records one checked attempt (call inside the transaction that writes its audit entry). */
export function recordAttempt(tx: Writer, emailInput: string, ip: string, success: boolean, now = Date.now()): void {
  tx.insert(loginAttempts).values({ email: normaliseEmail(emailInput), ip, success, at: now }).run();
  tx.delete(loginAttempts).where(lt(loginAttempts.at, now - THROTTLE.keepMs)).run();
}
