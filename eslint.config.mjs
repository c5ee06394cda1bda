import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/** One restricted-imports rule per layer; type-only imports of the schema's row types stay allowed. */
const restrict = (patterns) => ["error", { patterns: patterns.map(([group, message]) => ({ group, message, allowTypeImports: true })) }];

const noDatabase = [["@/db", "@/db/*", "drizzle-orm", "drizzle-orm/*", "better-sqlite3"], "Only lib/ touches the database: call a lib/<concern> function instead."];
const noUi = [["@/components", "@/components/*", "@/app", "@/app/*"], "lib/ and db/ never import UI or routes: return plain objects and let the page draw them."];
const noLib = [["@/lib", "@/lib/*"], "db/ (schema, client, migrations) never imports lib/: lib/ builds on db/, not the other way round."];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Forbid update/delete without a where clause (create-t3-app's rule).
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb()"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb()"] }],
    },
  },
  {
    // Every query is a promise on both databases: one not awaited runs after its transaction
    // has committed, or never (db/client.ts). The type-aware rules find every such call.
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  {
    // Modules that import each other in a circle load half-initialised; see docs/architecture.md.
    // Scoped to the files next's config gives the import plugin to (not .cjs).
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  // The layers (docs/architecture.md): app → lib → db; components only draw what they are given.
  { files: ["components/**/*.{ts,tsx}"], rules: { "@typescript-eslint/no-restricted-imports": restrict([noDatabase]) } },
  { files: ["app/**/*.{ts,tsx}"], rules: { "@typescript-eslint/no-restricted-imports": restrict([noDatabase]) } },
  { files: ["lib/**/*.{ts,tsx}"], rules: { "@typescript-eslint/no-restricted-imports": restrict([noUi]) } },
  // db/seed is an entry point like scripts/: it may use lib/'s helpers (slugs, dates, config).
  { files: ["db/*.ts"], rules: { "@typescript-eslint/no-restricted-imports": restrict([noUi, noLib]) } },
  // Public pages link with plain <a>: every click is a document request the page cache answers,
  // with no RSC prefetch or render behind it (docs/decisions/0007-public-javascript.md).
  {
    files: ["app/(public)/**/*.tsx", "components/*.tsx", "components/open-days/*.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  globalIgnores([".next/**", ".next-*/**", "data/**", "db/migrations/**", "next-env.d.ts", "coverage/**", "public/**", "bench/**", "__tests__/lint/fixtures/**"]),
]);
