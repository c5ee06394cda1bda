import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/** Browser journeys against a production build served by scripts/start.ts on a free port. */
export default createJestConfig({
  displayName: "e2e",
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/e2e/**/*.e2e.ts"],
  globalSetup: "<rootDir>/__tests__/e2e/support/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/e2e/support/global-teardown.ts",
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  testTimeout: 120_000,
  modulePathIgnorePatterns: ["<rootDir>/.next"],
});
