import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { AuthError, requireRole } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/session";

/** What a form's server action returns to useActionState. */
export type FormState = {
  ok?: boolean;
  /** A message for the whole form (shown in the error summary or as a notice). */
  message?: string;
  /** First message per field name. */
  errors?: Record<string, string>;
  /** What the user typed, so the form can show it again. */
  values?: Record<string, string | string[]>;
};

/** FormData → plain object; repeated names become arrays; files are dropped. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

/** A failure that a `write` callback returns with a user-facing message (e.g. a stale version). */
export class FormError extends Error {
  constructor(
    message: string,
    readonly errors: Record<string, string> = {},
  ) {
    super(message);
  }
}

type HandleOptions<S extends z.ZodType, R> = {
  /** Minimum role; null for public forms (which must rate-limit themselves). */
  role: Role | null;
  schema: S;
  formData: FormData;
  /** Performs the write (in a transaction, with its audit entry) and returns where to go next, or a state to show. */
  write: (input: z.infer<S>, user: SessionUser | null) => R | Promise<R>;
};

/**
 * The one shape of every server action (STYLE.md rule 7): check the role,
 * validate with the schema, keep what was typed on failure, then write.
 * `write` returns `{ redirectTo }` to redirect or a FormState to render.
 * redirect() is called outside any try/catch so Next can handle it.
 */
export async function handleForm<S extends z.ZodType>(
  options: HandleOptions<S, { redirectTo: string } | FormState>,
): Promise<FormState> {
  const values = formValues(options.formData);
  let user: SessionUser | null = null;
  if (options.role) {
    try {
      user = await requireRole(options.role);
    } catch (error) {
      if (error instanceof AuthError && error.status === 401) redirect("/login");
      if (error instanceof AuthError) return { ok: false, message: error.message, values };
      throw error;
    }
  }
  const parsed = options.schema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, message: "There is a problem with what you entered. Please check the fields marked below.", errors: fieldErrors(parsed.error), values };
  }
  let result: { redirectTo: string } | FormState;
  try {
    result = await options.write(parsed.data, user);
  } catch (error) {
    if (error instanceof FormError) return { ok: false, message: error.message, errors: error.errors, values };
    if (error instanceof AuthError) return { ok: false, message: error.message, values };
    throw error;
  }
  if ("redirectTo" in result) redirect(result.redirectTo);
  return result;
}
