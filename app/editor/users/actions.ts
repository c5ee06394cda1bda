"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { defineAction } from "@/lib/action";
import { changeRole, createUser, resetPassword, setDisabled, unlockSignIn } from "@/lib/users/editor";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setDisabledSchema, unlockSignInSchema } from "@/lib/users/schema";

/** Every form here is the admins'; a typed password is never sent back in `values`. */
const admin = <S extends z.ZodType>(schema: S) => ({ role: "admin" as const, schema, sensitive: ["password"] });

export const createUserAction = defineAction(admin(createUserSchema), async (input, ctx) => {
  const { generatedPassword } = await createUser(input, ctx);
  revalidatePath("/editor/users");
  return {
    ok: true,
    message: generatedPassword
      ? `Account created for ${input.email}. Their password is ${generatedPassword} — copy it now: it will not be shown again.`
      : `Account created for ${input.email} with the password you chose.`,
  };
});

export const changeRoleAction = defineAction(admin(changeRoleSchema), async (input, ctx) => {
  await changeRole(input, ctx);
  revalidatePath("/editor/users");
  return { ok: true, message: `Role changed to ${input.role}. Their current sessions have ended.` };
});

export const setDisabledAction = defineAction(admin(setDisabledSchema), async (input, ctx) => {
  await setDisabled(input, ctx);
  revalidatePath("/editor/users");
  return { ok: true, message: input.disabled ? "Account disabled. Their sessions have ended." : "Account enabled." };
});

export const resetPasswordAction = defineAction(admin(resetPasswordSchema), async (input, ctx) => {
  const { generatedPassword } = await resetPassword(input, ctx);
  revalidatePath("/editor/users");
  return {
    ok: true,
    message: generatedPassword ? `New password: ${generatedPassword} — copy it now: it will not be shown again.` : "Password changed. Their current sessions have ended.",
  };
});

/** Clears the sign-in delays on an account (lib/auth/throttle.ts), e.g. after someone guessed at it. */
export const unlockSignInAction = defineAction(admin(unlockSignInSchema), async (input, ctx) => {
  const { cleared } = await unlockSignIn({ userId: input.userId }, ctx);
  return { ok: true, message: `Sign-in delays cleared (${cleared} failed ${cleared === 1 ? "attempt" : "attempts"} forgotten). They can sign in again now.` };
});
