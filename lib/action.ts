import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { requireRole } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/session";
import { ConflictError, INVALID_FORM_MESSAGE, isDomainError } from "@/lib/errors";
import { type FormState } from "@/lib/form";
import { clientIp } from "@/lib/request";


export type { FormState };

/** Who is acting and from where: the second argument of every lib/ write. */
export type ActionContext<U = SessionUser> = { user: U; ip: string };

/** What a write returns: where to go next, or a state to show. */
export type ActionOutcome = { redirectTo: string } | FormState;

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

type UserFor<R extends Role | null> = R extends Role ? SessionUser : SessionUser | null;

type ActionOptions<S extends z.ZodType, R extends Role | null> = {
  /** Minimum role; null for public forms (which must rate-limit themselves). */
  role: R;
  schema: S;
  /** Fields never sent back to the browser in `values` (passwords), even to refill the form. */
  sensitive?: readonly string[];
};

/**
 * The one shape of every server action (STYLE.md rule 7, create-t3-app's
 * protectedProcedure): check the role, validate with the schema, keep what
 * was typed on failure, then write. Naming a role makes `ctx.user`
 * non-null in the type. The write performs its change in a transaction with
 * its audit entry (lib/ also revalidates what it changed) and returns
 * `{ redirectTo }` or a FormState. Domain errors (lib/errors.ts) become a
 * form state here and nowhere else; redirect() stays outside any try/catch
 * so Next can handle it.
 *
 * Bound arguments (`action.bind(null, slug)`) arrive before the form state,
 * as Next passes them, and reach the write as `ctx.args`. Files, which
 * `values` and the schema leave out, are read from `ctx.formData`.
 */
export function defineAction<S extends z.ZodType, R extends Role | null, A extends unknown[] = []>(
  options: ActionOptions<S, R>,
  write: (
    input: z.infer<S>,
    ctx: ActionContext<UserFor<R>> & { args: A; values: Record<string, string | string[]>; formData: FormData },
  ) => ActionOutcome | Promise<ActionOutcome>,
): (...params: [...A, FormState, FormData]) => Promise<FormState> {
  return async (...params) => {
    const formData = params[params.length - 1] as FormData;
    const args = params.slice(0, -2) as unknown as A;
    return runAction(options, formData, (input, user, ip, values) => write(input, { user: user as UserFor<R>, ip, args, values, formData }));
  };
}

async function runAction<S extends z.ZodType>(
  options: { role: Role | null; schema: S; sensitive?: readonly string[] },
  formData: FormData,
  write: (input: z.infer<S>, user: SessionUser | null, ip: string, values: Record<string, string | string[]>) => ActionOutcome | Promise<ActionOutcome>,
): Promise<FormState> {
  const values = formValues(formData);
  // What the form gets back to show again: everything typed but the sensitive fields.
  const echo = Object.fromEntries(Object.entries(values).filter(([name]) => !options.sensitive?.includes(name)));
  let user: SessionUser | null = null;
  if (options.role) {
    try {
      user = await requireRole(options.role);
    } catch (error) {
      if (isDomainError(error) && error.status === 401) redirect("/login");
      if (isDomainError(error)) return { ok: false, message: error.message, values: echo };
      throw error;
    }
  }
  const parsed = options.schema.safeParse(values);
  if (!parsed.success) return { ok: false, message: INVALID_FORM_MESSAGE, errors: fieldErrors(parsed.error), values: echo };
  let result: ActionOutcome;
  try {
    result = await write(parsed.data, user, await clientIp(), values);
  } catch (error) {
    if (isDomainError(error)) {
      const conflict = error instanceof ConflictError && error.current !== undefined ? { conflict: error.current } : {};
      return { ok: false, message: error.message, errors: error.fields, values: echo, ...conflict };
    }
    throw error;
  }
  if ("redirectTo" in result) redirect(result.redirectTo);
  return result;
}
