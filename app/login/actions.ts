"use server";

import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { safeEditorPath } from "@/lib/auth/redirect";
import { currentSessionClaims, currentSessionUser } from "@/lib/auth/session";
import { INVALID_MESSAGE } from "@/lib/auth/sign-in";
import { revokeSession } from "@/lib/auth/sign-out";
import { LOCKED_MESSAGE } from "@/lib/auth/throttle";
import { FormError, handleForm, type FormState } from "@/lib/form";
import { clientIp } from "@/lib/request";
import { signInSchema } from "@/lib/validation/auth";

/** Never send a password back to the browser, even to refill the form. */
function withoutPassword(state: FormState): FormState {
  if (!state.values) return state;
  const { password: _password, ...values } = state.values;
  void _password;
  return { ...state, values };
}

/**
 * Signs in through next-auth's Credentials provider, whose authorize()
 * applies the throttle and writes the audit entry. Only /editor paths are
 * accepted as the place to go next.
 */
export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm({
    role: null,
    schema: signInSchema,
    formData,
    write: async (input) => {
      try {
        await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      } catch (error) {
        if (error instanceof CredentialsSignin) throw new FormError(error.code === "locked" ? LOCKED_MESSAGE : INVALID_MESSAGE);
        throw error;
      }
      return { redirectTo: safeEditorPath(input.next) };
    },
  });
  return withoutPassword(state);
}

/**
 * Lists this session's id as revoked (so the cookie, replayed later, is
 * refused), then clears the cookie. Other sessions of the same user stay.
 */
export async function signOutAction(): Promise<void> {
  const claims = await currentSessionClaims();
  if (claims) {
    const user = await currentSessionUser();
    revokeSession(claims, user ? { id: user.id, email: user.email } : null, await clientIp());
    await signOut({ redirect: false });
  }
  redirect("/login");
}
