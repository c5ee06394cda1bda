/**
 * Zod field builders shared by several forms' schemas, so one rule keeps one
 * message everywhere. Client-safe: no server imports.
 */
import { z } from "zod";

/** A required email address, trimmed, at most 254 characters (the longest valid address). */
export function emailField() {
  return z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "Your email address must be 254 characters or fewer.")
    .pipe(z.email("Enter an email address in the right format, like name@example.com."));
}
