import type { Role } from "@/db/schema";
import { currentSessionUser, type SessionUser } from "@/lib/auth/session";

/**
 * Signs the test in as this user (or out, with null) for every following
 * call of currentSessionUser(), which the setup file mocks for all tests.
 */
export function actAs(user: { id: number; email: string; name: string; role: Role } | null): SessionUser | null {
  const sessionUser = user && { id: user.id, email: user.email, name: user.name, role: user.role };
  jest.mocked(currentSessionUser).mockResolvedValue(sessionUser);
  return sessionUser;
}
