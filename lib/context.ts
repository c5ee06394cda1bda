import type { Role } from "@/db/schema";

/**
 * Who makes a change, as every lib/ write and the audit log see them: the
 * signed-in user (lib/auth/session.ts SessionUser fits).
 */
export type Actor = { id: number; email: string; name: string; role: Role };

/**
 * The second argument of every lib/ write, after its validated input:
 * `savePromo(input, ctx)`. defineAction (lib/action.ts) builds it from the
 * session and the request, so an action passes it straight through.
 */
export type WriteContext = { user: Actor; ip: string | null };

/** The second argument of a public write (no one is signed in): where the request came from, for rate limits. */
export type PublicContext = { ip: string };
