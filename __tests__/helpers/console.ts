import { format } from "node:util";

/**
 * A test fails when it logs through console.error or console.warn, unless it
 * said beforehand which message it expects; an expected message that never
 * comes fails it too. The setup file installs this around every test.
 */
type Level = "error" | "warn";

const expected: Record<Level, RegExp[]> = { error: [], warn: [] };
const seen = new Set<RegExp>();
const unexpected: string[] = [];

export function expectConsoleError(pattern: RegExp): void {
  expected.error.push(pattern);
}

export function expectConsoleWarn(pattern: RegExp): void {
  expected.warn.push(pattern);
}

function record(level: Level, args: unknown[]): void {
  const message = format(...args);
  const match = expected[level].find((pattern) => pattern.test(message));
  if (match) seen.add(match);
  else unexpected.push(`console.${level}: ${message}`);
}

export function installConsoleGuard(): void {
  console.error = (...args: unknown[]) => record("error", args);
  console.warn = (...args: unknown[]) => record("warn", args);
}

export function resetConsoleGuard(): void {
  expected.error = [];
  expected.warn = [];
  seen.clear();
  unexpected.length = 0;
}

/** Throws (failing the test) on anything logged unexpectedly or expected and not logged. */
export function checkConsoleGuard(): void {
  const missing = [...expected.error, ...expected.warn].filter((pattern) => !seen.has(pattern));
  const problems = [...unexpected, ...missing.map((pattern) => `expected a console message matching ${String(pattern)}, none came`)];
  resetConsoleGuard();
  if (problems.length > 0) throw new Error(`Unexpected console output:\n${problems.join("\n")}`);
}
