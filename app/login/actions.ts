"use server";

import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { safeEditorPath } from "@/lib/auth/redirect";
import { currentSessionClaims, currentSessionUser } from "@/lib/auth/session";
import { INVALID_MESSAGE } from "@/lib/auth/sign-in";
import { revokeSession } from "@/lib/auth/sign-out";
import { LOCKED_MESSAGE } from "@/lib/auth/throttle";
import { defineAction } from "@/lib/action";
import { InvalidError } from "@/lib/errors";
import { clientIp } from "@/lib/request";
import { signInSchema } from "@/lib/auth/schema";

/**
 * Signs in through next-auth's Credentials provider, whose authorize()
 * applies the throttle and writes the audit entry. Only /editor paths are
 * accepted as the place to go next. The password is never sent back.
 */
export const signInAction = defineAction({ role: null, schema: signInSchema, sensitive: ["password"] }, async (input) => {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) throw new InvalidError(error.code === "locked" ? LOCKED_MESSAGE : INVALID_MESSAGE);
    throw error;
  }
  return { redirectTo: safeEditorPath(input.next) };
});

/**
 * Lists this session's id as revoked (so the cookie, replayed later, is
 * refused), then clears the cookie. Other sessions of the same user stay.
 */
export async function signOutAction(): Promise<void> {
  const claims = await currentSessionClaims();
  if (claims) {
    const user = await currentSessionUser();
    await revokeSession(claims, user ? { id: user.id, email: user.email } : null, await clientIp());
    await signOut({ redirect: false });
  }
  redirect("/login");
}
