import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/**
 * `npm run test:cluster`: the coherence test against `npm run cluster`
 * (PostgreSQL, Redis, two production instances, nginx), started once by the
 * test file itself; run in band, it takes the machine for a few minutes.
 */
export default createJestConfig({
  displayName: "cluster",
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/cluster/**/*.cluster.ts"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  testTimeout: 120_000,
  modulePathIgnorePatterns: ["<rootDir>/.next"],
});
