/** The staff sign-in form. */
import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "Your email address must be 254 characters or fewer.")
    .pipe(z.email("Enter an email address in the right format, like name@example.com.")),
  password: z.string().min(1, "Enter your password.").max(1024, "Your password is too long."),
  next: z.string().max(2000).default(""),
});
export type SignInInput = z.infer<typeof signInSchema>;
