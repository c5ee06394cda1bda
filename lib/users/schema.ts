/** Admin forms for staff accounts: create, change role, disable, reset password. */
import { z } from "zod";
import { ROLES } from "@/db/schema";

export const PASSWORD_MIN = 12;

const id = z.coerce.number({ error: "Choose a user." }).int("Choose a user.").positive("Choose a user.");
const role = z.enum(ROLES, { error: "Choose a role: contributor, editor or admin." });

/** A blank password means "generate one" (shown once). */
const optionalPassword = z
  .string()
  .default("")
  .refine((v) => v === "" || v.length >= PASSWORD_MIN, `The password must be at least ${PASSWORD_MIN} characters, or leave it blank to generate one.`)
  .refine((v) => v.length <= 200, "The password must be 200 characters or fewer.");

export const createUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address.")
    .max(254, "The email address must be 254 characters or fewer.")
    .pipe(z.email("Enter an email address in the right format, like name@example.com.")),
  name: z.string().trim().min(1, "Enter a name.").max(120, "The name must be 120 characters or fewer."),
  role,
  password: optionalPassword,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: id, role });
/** Disabling needs the "I understand" box ticked (a confirmation that works without JavaScript). */
export const setDisabledSchema = z
  .object({ userId: id, disabled: z.enum(["true", "false"]).transform((v) => v === "true"), confirm: z.string().optional() })
  .refine((v) => !v.disabled || v.confirm === "on", {
    path: ["confirm"],
    message: "Tick the box to confirm: disabling signs the person out and stops them signing in.",
  });
export const unlockSignInSchema = z.object({ userId: id });
export const resetPasswordSchema = z.object({ userId: id, password: optionalPassword });
