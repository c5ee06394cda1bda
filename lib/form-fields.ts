/**
 * Zod field builders shared by several forms' schemas, so one rule keeps one
 * message everywhere. Client-safe: no server imports.
 */
import { z } from "zod";
import { isSafeLink } from "@/lib/http/links";

/** A required email address, trimmed, at most 254 characters (the longest valid address). */
export function emailField() {
  return z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "Your email address must be 254 characters or fewer.")
    .pipe(z.email("Enter an email address in the right format, like name@example.com."));
}

/**
 * An optional address an editor types (`what`: "photo address", "image address"): empty, a path
 * on this site or an http(s) URL, at most 2,000 characters.
 */
export function optionalLinkField(what: string) {
  return z
    .string()
    .trim()
    .max(2000, `The ${what} must be 2,000 characters or fewer.`)
    .refine((v) => v === "" || isSafeLink(v), `Enter a ${what} starting with / or https:// (no backslashes or spaces).`)
    .default("");
}

/** A checkbox: ticked ("on"/"true") is true, absent is false. */
export const checkboxField = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
