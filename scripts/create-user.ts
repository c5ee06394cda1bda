/**
 * `npm run users:create -- --email ada@harrowgate.ac.uk --name "Ada Lovelace" [--role admin]`:
 * creates a staff account on the configured database (DATABASE_URL, or the
 * SQLite file). It is how a production site gets its first administrator:
 * `npm start`'s demo accounts are for a laptop (docs/deploy.md). The role is
 * admin unless said. The password is NEWSROOM_PASSWORD when set (at least 12
 * characters), else one is generated and printed once. The same checks as the
 * admin's form (lib/users/schema.ts); a refused account writes nothing.
 */
import { parseArgs } from "node:util";
import { closeDatabase, openConfigured, setDb } from "@/db/client";
import { config } from "@/lib/config";
import { ConflictError } from "@/lib/errors";
import { createUser } from "@/lib/users/editor";
import { createUserSchema } from "@/lib/users/schema";

export type CommandResult = { ok: boolean; lines: string[] };

/** Runs the command on the database already installed (setDb); what to print, and whether it worked. */
export async function createUserCommand(argv: string[], password = ""): Promise<CommandResult> {
  let values: { email?: string; name?: string; role?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } } }));
  } catch (error) {
    return { ok: false, lines: [(error as Error).message, USAGE] };
  }
  const parsed = createUserSchema.safeParse({ email: values.email ?? "", name: values.name ?? "", role: values.role ?? "admin", password });
  if (!parsed.success) {
    const flag = (field: PropertyKey | undefined) => (field === "password" ? "NEWSROOM_PASSWORD" : `--${String(field)}`);
    return { ok: false, lines: [...parsed.error.issues.map((issue) => `${flag(issue.path[0])}: ${issue.message}`), USAGE] };
  }
  try {
    const { generatedPassword } = await createUser(parsed.data, { user: null, ip: null });
    const lines = [`Created the ${parsed.data.role} account ${parsed.data.email}.`];
    lines.push(generatedPassword ? `Password (generated, shown only now): ${generatedPassword}` : "Password: the value of NEWSROOM_PASSWORD");
    return { ok: true, lines };
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, lines: [error.message] };
    throw error;
  }
}

const USAGE = 'usage: npm run users:create -- --email <address> --name "<name>" [--role admin|editor|contributor]';

async function main(): Promise<void> {
  const db = await openConfigured(config().databasePath);
  setDb(db);
  try {
    const result = await createUserCommand(process.argv.slice(2), process.env.NEWSROOM_PASSWORD ?? "");
    (result.ok ? console.log : console.error)(result.lines.join("\n"));
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    setDb(undefined);
    await closeDatabase(db);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
