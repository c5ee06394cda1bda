/** The republishing-snippet import form (app/editor/stories/import). */
import { z } from "zod";

/** Far above any real snippet (a long article is ~50 KB of HTML); caps the work a paste can cause. */
export const MAX_SNIPPET_LENGTH = 500_000;

export const importSnippetSchema = z.object({
  snippet: z
    .string({ error: "Paste the republishing snippet." })
    .trim()
    .min(1, "Paste the republishing snippet.")
    .max(MAX_SNIPPET_LENGTH, "The snippet is too long: paste only the republishing HTML the outlet gives you."),
});
export type ImportSnippetInput = z.infer<typeof importSnippetSchema>;
