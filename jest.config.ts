import type { Config } from "jest";
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

const common: Config = {
  moduleNameMapper: {
    "^server-only$": "<rootDir>/__tests__/helpers/empty-module.ts",
    // marked ships ESM only; Jest (CommonJS) loads its UMD build instead.
    "^marked$": "<rootDir>/node_modules/marked/lib/marked.umd.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
  setupFiles: ["<rootDir>/__tests__/helpers/setup-env.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/__tests__/e2e/", "<rootDir>/.next"],
  modulePathIgnorePatterns: ["<rootDir>/.next"],
};

/** lib/ and db/ run under node, components and pages under jsdom. */
export default async function config(): Promise<Config> {
  return {
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
        setupFilesAfterEnv: ["<rootDir>/__tests__/helpers/setup-dom.ts"],
      })(),
    ],
  };
}
