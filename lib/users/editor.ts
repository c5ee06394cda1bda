import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { clearSignInFailures } from "@/lib/auth/throttle";
import type { Actor, WriteContext } from "@/lib/context";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { CreateUserInput } from "@/lib/users/schema";

export type UserSummary = { id: number; email: string; name: string; role: Role; disabled: boolean; createdAt: number };

export async function listUsers(): Promise<UserSummary[]> {
  return getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.disabled), asc(users.name));
}

export async function listUserOptions(): Promise<{ id: number; name: string; email: string }[]> {
  return getDb().select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name));
}

async function findUser(id: number) {
  const row = await first(getDb().select().from(users).where(eq(users.id, id)).limit(1));
  if (!row) throw new NotFoundError("That user no longer exists.");
  return row;
}

/**
 * Creates an account; returns the password when it was generated, to show once. The actor is null
 * for `npm run users:create` (scripts/create-user.ts), which makes a production site's first administrator.
 */
export async function createUser(input: CreateUserInput, { user: actor, ip }: { user: Actor | null; ip: string | null }): Promise<{ id: number; generatedPassword: string | null }> {
  const db = getDb();
  const taken = await first(db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email)).limit(1));
  if (taken) throw new ConflictError("There is already an account with that email address.", undefined, { email: "There is already an account with that email address." });
  const generatedPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password || generatedPassword!);
  const id = await transaction(async (tx) => {
    const row = (await first(tx.insert(users).values({ email: input.email, name: input.name, role: input.role, passwordHash }).returning({ id: users.id })))!;
    await writeAudit(tx, { actor, action: "user.create", entity: "user", entityId: row.id, ip, details: { email: input.email, role: input.role } });
    return row.id;
  });
  return { id, generatedPassword };
}

/** Every change below bumps sessionVersion: the user's current sessions end at once. */
export async function changeRole({ userId, role }: { userId: number; role: Role }, { user: actor, ip }: WriteContext): Promise<void> {
  if (userId === actor.id) throw new ForbiddenError("You cannot change your own role. Ask another administrator.");
  const before = await findUser(userId);
  if (before.role === role) return;
  await transaction(async (tx) => {
    await tx
      .update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: Date.now() })
      .where(eq(users.id, userId));
    await writeAudit(tx, { actor, action: "user.role", entity: "user", entityId: userId, ip, details: { from: before.role, to: role } });
  });
}

export async function setDisabled({ userId, disabled }: { userId: number; disabled: boolean }, { user: actor, ip }: WriteContext): Promise<void> {
  if (userId === actor.id && disabled) throw new ForbiddenError("You cannot disable your own account.");
  const before = await findUser(userId);
  if (before.disabled === disabled) return;
  await transaction(async (tx) => {
    await tx
      .update(users)
      .set({ disabled, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: Date.now() })
      .where(and(eq(users.id, userId), ne(users.disabled, disabled)));
    await writeAudit(tx, { actor, action: disabled ? "user.disable" : "user.enable", entity: "user", entityId: userId, ip });
  });
}

/** Sets a new password (typed, or generated and returned to show once). */
export async function resetPassword({ userId, password }: { userId: number; password: string }, { user: actor, ip }: WriteContext): Promise<{ generatedPassword: string | null }> {
  await findUser(userId);
  const generatedPassword = password ? null : generatePassword();
  const passwordHash = await hashPassword(password || generatedPassword!);
  await transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: Date.now() })
      .where(eq(users.id, userId));
    await writeAudit(tx, { actor, action: "user.reset-password", entity: "user", entityId: userId, ip, details: { generated: generatedPassword !== null } });
  });
  return { generatedPassword };
}

/**
 * Lifts every sign-in delay on an account (its failed attempts from every
 * address are forgotten), for an admin helping someone locked out by their
 * own typos or by someone guessing. Audited with how many were cleared.
 */
export async function unlockSignIn(input: { userId: number }, ctx: WriteContext): Promise<{ cleared: number }> {
  const user = await first(getDb().select({ id: users.id, email: users.email }).from(users).where(eq(users.id, input.userId)).limit(1));
  if (!user) throw new NotFoundError("That user no longer exists.");
  const cleared = await transaction(async (tx) => {
    const n = await clearSignInFailures(tx, user.email);
    await writeAudit(tx, { actor: ctx.user, action: "user.unlock-sign-in", entity: "user", entityId: user.id, ip: ctx.ip, details: { clearedFailures: n } });
    return n;
  });
  return { cleared };
}
