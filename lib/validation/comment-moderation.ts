/** Editor form for moderating reader comments. */
import { z } from "zod";

const ids = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.coerce.number({ error: "Choose comments from the list." }).int("Choose comments from the list.").positive("Choose comments from the list."))
    .min(1, "Tick at least one comment.")
    .max(500, "Choose at most 500 comments at a time."),
);

/**
 * The bulk buttons post decision=approve|reject with the ticked commentIds;
 * a row's own button posts decision=approve:<id> and acts on that comment only.
 */
export const moderateCommentsSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const r = raw as Record<string, unknown>;
    const m = typeof r.decision === "string" ? /^(approve|reject):(\d+)$/.exec(r.decision) : null;
    return m ? { ...r, decision: m[1], commentIds: m[2] } : r;
  },
  z.object({
    commentIds: ids,
    decision: z.enum(["approve", "reject"], { error: "Choose approve or reject." }),
  }),
);
export type ModerateCommentsInput = z.infer<typeof moderateCommentsSchema>;
