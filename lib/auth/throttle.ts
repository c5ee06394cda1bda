import "server-only";
import { and, count, desc, eq, gt, lt, max, sql } from "drizzle-orm";
import { first, getDb, lockForUpdate, transaction, type Tx } from "@/db/client";
import { loginAttempts } from "@/db/schema";

const MINUTE = 60_000;

export const THROTTLE = {
  /** Failures for one (account, client IP) that are let through before delays start. */
  freeFailures: 5,
  /** The delay after the last free failure; it doubles with every further failure… */
  baseDelayMs: MINUTE,
  /** …up to this. */
  maxDelayMs: 15 * MINUTE,
  /** Failures from one IP address within `ipWindowMs` after which it is refused for every account. */
  ipFailures: 100,
  ipWindowMs: 60 * MINUTE,
  /** Attempts older than this no longer count and are deleted. */
  keepMs: 24 * 60 * MINUTE,
} as const;

export const LOCKED_MESSAGE = "Too many failed attempts. Wait a few minutes and try again.";

export type ThrottleStatus = { locked: false } | { locked: true; reason: "account" | "ip"; until: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The delay after `failures` failures in a row from one address: none, then 1, 2, 4, 8, 15, 15… minutes. */
export function delayAfter(failures: number): number {
  if (failures < THROTTLE.freeFailures) return 0;
  return Math.min(THROTTLE.maxDelayMs, THROTTLE.baseDelayMs * 2 ** (failures - THROTTLE.freeFailures));
}

/**
 * Whether a sign-in attempt may be checked at all. Failures count per
 * (account, client IP), so guessing from one address slows down only that
 * address: the owner signing in from elsewhere is never locked out. After
 * THROTTLE.freeFailures, each attempt from that address waits a delay that
 * doubles per failure (capped); refused attempts are not recorded, so the
 * wait does not grow while someone keeps knocking. A success from the
 * address, or an admin's unlock (clearSignInFailures), starts it afresh.
 * One address failing against many accounts is refused outright past
 * THROTTLE.ipFailures an hour. Counters live in login_attempts, so a
 * restart does not reset them.
 */
export async function throttleStatus(emailInput: string, ip: string, now = Date.now(), db: Tx = getDb()): Promise<ThrottleStatus> {
  const email = normaliseEmail(emailInput);

  const lastSuccess = await first(
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip), eq(loginAttempts.success, true)))
      .orderBy(desc(loginAttempts.at))
      .limit(1),
  );
  const since = Math.max(now - THROTTLE.keepMs, lastSuccess?.at ?? 0);
  // count() and max() of a column read back as numbers on both databases (PostgreSQL sends bigints as strings).
  const failures = await first(
    db
      .select({ n: count(), newest: max(loginAttempts.at) })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since))),
  );
  const newest = failures?.newest;
  const delay = delayAfter(failures?.n ?? 0);
  if (delay > 0 && newest !== null && newest !== undefined && now < newest + delay) return { locked: true, reason: "account", until: newest + delay };

  const fromIp = await first(
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, now - THROTTLE.ipWindowMs))),
  );
  if ((fromIp?.n ?? 0) >= THROTTLE.ipFailures) return { locked: true, reason: "ip", until: now + THROTTLE.ipWindowMs };

  return { locked: false };
}

export type Claim = Extract<ThrottleStatus, { locked: true }> | { locked: false; attemptId: number };

/**
 * Checks the throttle and, when the attempt may go ahead, records it as a
 * failure before the password is checked (settleAttempt() turns it into a
 * success). Check and record are one transaction, taken in turn per client IP
 * (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock on the IP), so
 * guesses sent in parallel count one after another: the sixth sees five
 * failures and waits, instead of every guess passing the check before any
 * failure is written. Within one instance, claims from an IP also queue in
 * memory before taking a database connection, so a burst from one address
 * waits on itself rather than holding the whole pool on the lock. Attempts
 * older than THROTTLE.keepMs are deleted here.
 */
export async function claimAttempt(emailInput: string, ip: string, now = Date.now()): Promise<Claim> {
  const email = normaliseEmail(emailInput);
  return inTurn(ip, () => transaction(async (tx) => {
    await lockForUpdate(tx, sql`select pg_advisory_xact_lock(${SIGN_IN_LOCK_SPACE}, hashtext(${ip}))`);
    const status = await throttleStatus(email, ip, now, tx);
    if (status.locked) return status;
    const [attempt] = await tx.insert(loginAttempts).values({ email, ip, success: false, at: now }).returning({ id: loginAttempts.id });
    await tx.delete(loginAttempts).where(lt(loginAttempts.at, now - THROTTLE.keepMs));
    return { locked: false, attemptId: attempt!.id };
  }));
}

/** The first key of the two-key advisory locks on a client IP (job locks use the one-key form). */
const SIGN_IN_LOCK_SPACE = 7_101;
const turnsByIp = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier call for `key` has settled (this process only). */
function inTurn<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const mine = (turnsByIp.get(key) ?? Promise.resolve()).then(fn, fn);
  const settled = mine.then(() => undefined, () => undefined);
  turnsByIp.set(key, settled);
  void settled.then(() => {
    if (turnsByIp.get(key) === settled) turnsByIp.delete(key);
  });
  return mine;
}

/** Marks a claimed attempt as a success (call inside the transaction that writes its audit entry). */
export async function settleAttempt(tx: Tx, attemptId: number): Promise<void> {
  await tx.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId));
}

/**
 * An admin's unlock: forgets the account's failed attempts from every
 * address, lifting every delay on it. Returns how many were forgotten.
 * Call inside the transaction that writes the audit entry.
 */
export async function clearSignInFailures(tx: Tx, emailInput: string): Promise<number> {
  const cleared = await tx
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.email, normaliseEmail(emailInput)), eq(loginAttempts.success, false)))
    .returning({ id: loginAttempts.id });
  return cleared.length;
}

/** Failed attempts on each account since the last keepMs, for the admin users page. */
export async function recentFailuresByEmail(now = Date.now()): Promise<Map<string, number>> {
  const rows = await getDb()
    .select({ email: loginAttempts.email, n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.success, false), gt(loginAttempts.at, now - THROTTLE.keepMs)))
    .groupBy(loginAttempts.email);
  return new Map(rows.map((r) => [r.email, r.n]));
}
