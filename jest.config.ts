import type { Config } from "jest";
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/** The session mock and the console.error/warn guard, for both projects. */
const setupTests = "<rootDir>/__tests__/helpers/setup-tests.ts";

const common: Config = {
  moduleNameMapper: {
    "^server-only$": "<rootDir>/__tests__/helpers/empty-module.ts",
    // Next's request-scoped modules, stubbed once for every test (see the files).
    "^next/navigation$": "<rootDir>/__tests__/helpers/stubs/next-navigation.ts",
    "^next/cache$": "<rootDir>/__tests__/helpers/stubs/next-cache.ts",
    "^next/headers$": "<rootDir>/__tests__/helpers/stubs/next-headers.ts",
    // marked ships ESM only; Jest (CommonJS) loads its UMD build instead.
    "^marked$": "<rootDir>/node_modules/marked/lib/marked.umd.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
  setupFiles: ["<rootDir>/__tests__/helpers/setup-env.ts"],
  setupFilesAfterEnv: [setupTests],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/__tests__/e2e/", "<rootDir>/.next"],
  modulePathIgnorePatterns: ["<rootDir>/.next"],
};

/** lib/ and db/ run under node, components and pages under jsdom. */
export default async function config(): Promise<Config> {
  // npm run test:pg sets TEST_DATABASE_URL: a migrated template database first (helpers/db.ts).
  const pg = process.env.TEST_DATABASE_URL ? { globalSetup: "<rootDir>/__tests__/helpers/pg-global-setup.ts", globalTeardown: "<rootDir>/__tests__/helpers/pg-global-teardown.ts" } : {};
  return {
    ...pg,
    projects: [
      await createJestConfig({
        ...common,
        displayName: "node",
        testEnvironment: "node",
        testMatch: ["<rootDir>/__tests__/**/*.test.ts"],
      })(),
      await createJestConfig({
        ...common,
        displayName: "dom",
        testEnvironment: "jsdom",
        testMatch: ["<rootDir>/__tests__/**/*.test.tsx"],
        setupFilesAfterEnv: [setupTests, "<rootDir>/__tests__/helpers/setup-dom.ts"],
      })(),
    ],
  };
}
