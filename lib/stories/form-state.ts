/**
 * What the story form's server actions return to useActionState. Types only,
 * so the client form can import it without pulling in server code.
 */
import type { FormState } from "@/lib/action";
import type { CurrentVersion } from "./records";

export type GuestExpertSummary = { id: number; name: string; jobTitle: string; institution: string };

export type StoryFormState = FormState & {
  /** Someone else's newer version, after a stale save. */
  conflict?: CurrentVersion;
  /** A guest expert just created from the authors picker. */
  addedPerson?: GuestExpertSummary;
  previewUrl?: string;
  previewExpiresAt?: number;
};
