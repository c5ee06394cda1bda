"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { handleForm, type FormState } from "@/lib/form";
import { clientIp } from "@/lib/request";
import { changeRole, createUser, resetPassword, setDisabled, unlockSignIn } from "@/lib/users";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setDisabledSchema, unlockSignInSchema } from "@/lib/validation/user";

/** Passwords never go back to the browser in `values`. */
function scrub(state: FormState): FormState {
  if (!state.values || !("password" in state.values)) return state;
  const values = { ...state.values };
  delete values.password;
  return { ...state, values };
}

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm({
    role: "admin",
    schema: createUserSchema,
    formData,
    write: async (input, user) => {
      const { generatedPassword } = await createUser(input, user!, await clientIp());
      revalidatePath("/editor/users");
      return {
        ok: true,
        message: generatedPassword
          ? `Account created for ${input.email}. Their password is ${generatedPassword} — copy it now: it will not be shown again.`
          : `Account created for ${input.email} with the password you chose.`,
      };
    },
  });
  return scrub(state);
}

export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "admin",
    schema: changeRoleSchema,
    formData,
    write: async (input, user) => {
      changeRole(input.userId, input.role, user!, await clientIp());
      revalidatePath("/editor/users");
      return { ok: true, message: `Role changed to ${input.role}. Their current sessions have ended.` };
    },
  });
}

export async function setDisabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "admin",
    schema: setDisabledSchema,
    formData,
    write: async (input, user) => {
      setDisabled(input.userId, input.disabled, user!, await clientIp());
      revalidatePath("/editor/users");
      return { ok: true, message: input.disabled ? "Account disabled. Their sessions have ended." : "Account enabled." };
    },
  });
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm({
    role: "admin",
    schema: resetPasswordSchema,
    formData,
    write: async (input, user) => {
      const { generatedPassword } = await resetPassword(input.userId, input.password, user!, await clientIp());
      revalidatePath("/editor/users");
      return {
        ok: true,
        message: generatedPassword
          ? `New password: ${generatedPassword} — copy it now: it will not be shown again.`
          : "Password changed. Their current sessions have ended.",
      };
    },
  });
  return scrub(state);
}

/** Clears the sign-in delays on an account (lib/auth/throttle.ts), e.g. after someone guessed at it. */
export const unlockSignInAction = defineAction({ role: "admin", schema: unlockSignInSchema }, (input, ctx) => {
  const { cleared } = unlockSignIn({ userId: input.userId }, ctx);
  return { ok: true, message: `Sign-in delays cleared (${cleared} failed ${cleared === 1 ? "attempt" : "attempts"} forgotten). They can sign in again now.` };
});
