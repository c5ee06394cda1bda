import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * The layer rules in eslint.config.mjs hold the architecture in place
 * (docs/architecture.md). ESLint's flat config is ESM, which Jest's CommonJS
 * sandbox cannot load, so the cases run in one child Node process that uses
 * ESLint's own API against the real config. import/no-cycle needs files on
 * disk, so each case is written to a uniquely named file in its folder and
 * removed straight after.
 */
type Case = { name: string; filePath: string; code: string };
type Result = { name: string; rules: string[] };

const fixture = `lint-fixture-${process.pid}`;

const cases: Case[] = [
  { name: "component imports the db client", filePath: `components/${fixture}.tsx`, code: 'import { getDb } from "@/db/client";\nexport const x = getDb;\n' },
  { name: "component imports drizzle", filePath: `components/${fixture}.tsx`, code: 'import { eq } from "drizzle-orm";\nexport const x = eq;\n' },
  { name: "component imports a schema type", filePath: `components/${fixture}.tsx`, code: 'import type { Story } from "@/db/schema";\nexport type X = Story;\n' },
  { name: "lib imports a component", filePath: `lib/${fixture}.ts`, code: 'import { SiteHeader } from "@/components/site-header";\nexport const x = SiteHeader;\n' },
  { name: "db imports lib", filePath: `db/${fixture}.ts`, code: 'import { config } from "@/lib/config";\nexport const x = config;\n' },
  { name: "page imports the db client", filePath: `app/${fixture}.tsx`, code: 'import { getDb } from "@/db/client";\nexport const x = getDb;\n' },
  { name: "lib imports db", filePath: `lib/${fixture}.ts`, code: 'import { getDb } from "@/db/client";\nexport const x = getDb;\n' },
];

const runner = `
import fs from "node:fs";
import { ESLint } from "eslint";
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ ignore: false });
const out = [];
for (const c of cases) {
  fs.writeFileSync(c.filePath, c.code);
  try {
    const [r] = await eslint.lintFiles([c.filePath]);
    out.push({ name: c.name, rules: r.messages.map((m) => m.ruleId ?? m.message) });
  } finally {
    fs.rmSync(c.filePath, { force: true });
  }
}
const cycle = await eslint.lintFiles(["__tests__/lint/fixtures/cycle-a.ts"]);
out.push({ name: "import cycle", rules: cycle.flatMap((r) => r.messages.map((m) => m.ruleId ?? m.message)) });
process.stdout.write(JSON.stringify(out));
`;

let results: Result[];

beforeAll(() => {
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", runner, JSON.stringify(cases)], {
    cwd: path.resolve(__dirname, "../.."),
    encoding: "utf8",
  });
  results = JSON.parse(stdout) as Result[];
}, 120_000);

const rulesOf = (name: string) => results.find((r) => r.name === name)?.rules ?? ["<case did not run>"];

describe("lint keeps the layers apart", () => {
  it.each([
    "component imports the db client",
    "component imports drizzle",
    "lib imports a component",
    "db imports lib",
    "page imports the db client",
  ])("refuses: %s", (name) => {
    expect(rulesOf(name)).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("allows what the layers allow: lib reads db, components name a row type", () => {
    expect(rulesOf("lib imports db")).toEqual([]);
    expect(rulesOf("component imports a schema type")).toEqual([]);
  });

  it("refuses an import cycle", () => {
    expect(rulesOf("import cycle")).toContain("import/no-cycle");
  });
});
