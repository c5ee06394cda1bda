/**
 * Runs before every test file in both projects (jest.config.ts
 * setupFilesAfterEnv). next/navigation, next/cache and next/headers are
 * mapped to __tests__/helpers/stubs/ in jest.config.ts; the session is
 * mocked here so a test signs in with actAs() (__tests__/helpers/session.ts).
 * __tests__/auth/session.test.ts tests the real module and unmocks it.
 */
import { closeTestDatabase } from "./db";
import { checkConsoleGuard, installConsoleGuard, resetConsoleGuard } from "./console";
import { setPathname } from "./stubs/next-navigation";
import { setRequestCookies, setRequestHeaders } from "./stubs/next-headers";

jest.mock("@/lib/auth/session", () => ({
  currentSessionUser: jest.fn(async () => null),
  currentSessionClaims: jest.fn(async () => null),
}));

installConsoleGuard();

beforeEach(() => {
  resetConsoleGuard();
  setRequestHeaders({});
  setRequestCookies({});
  setPathname("/");
});

afterEach(() => {
  checkConsoleGuard();
});

afterAll(async () => {
  await closeTestDatabase();
});
