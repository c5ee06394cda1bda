/**
 * `npm run users:create` (scripts/create-user.ts): a production site's first
 * administrator, from the command line, with the admin form's checks. A
 * refused account writes nothing.
 */
import { eq } from "drizzle-orm";
import { first, type DB } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { createUserCommand } from "@/scripts/create-user";
import { createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { snapshot } from "./mocks";

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

const account = (email: string) => first(db.select().from(users).where(eq(users.email, email)).limit(1));

it("creates an administrator with a generated password, shown once and stored only as a hash, and audits it", async () => {
  const result = await createUserCommand(["--email", "Ada.Lovelace@Harrowgate.ac.uk", "--name", "Ada Lovelace"]);
  expect(result.ok).toBe(true);
  const password = /Password \(generated, shown only now\): (\S+)/.exec(result.lines.join("\n"))?.[1];
  expect(password).toBeDefined();
  const row = (await account("ada.lovelace@harrowgate.ac.uk"))!;
  expect(row).toMatchObject({ name: "Ada Lovelace", role: "admin", disabled: false });
  expect(row.passwordHash).not.toContain(password!);
  expect(await verifyPassword(row.passwordHash, password!)).toBe(true);
  const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "user.create"));
  expect(entry).toMatchObject({ actorId: null, entity: "user", entityId: String(row.id) });
  expect(JSON.stringify(entry!.details)).not.toContain(password!);
});

it("takes the role asked for and the password from NEWSROOM_PASSWORD", async () => {
  const result = await createUserCommand(["--email", "press@harrowgate.ac.uk", "--name", "Press Office", "--role", "editor"], "a long enough passphrase");
  expect(result).toEqual({ ok: true, lines: ["Created the editor account press@harrowgate.ac.uk.", "Password: the value of NEWSROOM_PASSWORD"] });
  const row = (await account("press@harrowgate.ac.uk"))!;
  expect(row.role).toBe("editor");
  expect(await verifyPassword(row.passwordHash, "a long enough passphrase")).toBe(true);
});

it("refuses bad input with a message naming each flag, and writes nothing", async () => {
  await createUser({ role: "admin", email: "taken@harrowgate.ac.uk" });
  const before = await snapshot();
  const cases: [string[], string, RegExp][] = [
    [["--email", "not-an-address", "--name", "Ada"], "", /^--email: Enter an email address in the right format/],
    [["--email", "ada@harrowgate.ac.uk"], "", /^--name: Enter a name\./],
    [["--email", "ada@harrowgate.ac.uk", "--name", "Ada", "--role", "owner"], "", /^--role: Choose a role: contributor, editor or admin\./],
    [["--email", "ada@harrowgate.ac.uk", "--name", "Ada"], "short", /^NEWSROOM_PASSWORD: The password must be at least 12 characters/],
    [["--email", "TAKEN@harrowgate.ac.uk", "--name", "Someone"], "", /^There is already an account with that email address\.$/],
    [["--mail", "ada@harrowgate.ac.uk"], "", /Unknown option '--mail'/],
  ];
  for (const [argv, password, message] of cases) {
    const result = await createUserCommand(argv, password);
    expect({ argv, ok: result.ok }).toEqual({ argv, ok: false });
    expect(result.lines[0]).toMatch(message);
  }
  expect(await snapshot()).toEqual(before);
});
