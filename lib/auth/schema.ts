/** The staff sign-in form. */
import { z } from "zod";
import { emailField } from "@/lib/form-fields";

export const signInSchema = z.object({
  email: emailField(),
  password: z.string().min(1, "Enter your password.").max(1024, "Your password is too long."),
  next: z.string().max(2000).default(""),
});
export type SignInInput = z.infer<typeof signInSchema>;
