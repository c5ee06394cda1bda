jest.mock("@/lib/auth/session", () => ({ currentSessionUser: jest.fn() }));
jest.mock("next/navigation", () => ({
  redirect: jest.fn((url: string) => {
    throw new Error(`NEXT_REDIRECT:${url}`);
  }),
  usePathname: () => "/editor/users",
}));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn(), unstable_cache: (fn: () => unknown) => fn }));
jest.mock("@/app/editor/users/actions", () => ({
  changeRoleAction: jest.fn(),
  createUserAction: jest.fn(),
  resetPasswordAction: jest.fn(),
  setDisabledAction: jest.fn(),
  unlockSignInAction: jest.fn(),
}));

import { render, screen, within } from "@testing-library/react";
import UsersPage from "@/app/editor/users/page";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { currentSessionUser } from "@/lib/auth/session";
import { createUser } from "../factories";
import { freshDb } from "../helpers/db";

beforeEach(() => {
  freshDb();
  const admin = createUser({ role: "admin", name: "Ada Admin" });
  (currentSessionUser as jest.Mock).mockResolvedValue({ id: admin.id, email: admin.email, name: admin.name, role: admin.role });
});

const rowOf = (name: string) => screen.getByRole("rowheader", { name }).closest("tr")!;

describe("users page", () => {
  it("asks for confirmation before disabling, in the form itself (works without JavaScript)", async () => {
    createUser({ name: "Ben Editor", role: "editor" });
    render(await UsersPage());
    const row = within(rowOf("Ben Editor"));
    const button = row.getByRole("button", { name: /^Disable/ });
    const form = button.closest("form")!;
    const box = within(form).getByRole("checkbox", { name: /I understand/ });
    expect(box).toBeRequired();
    expect(box).not.toBeChecked();
    expect(box).toHaveAttribute("name", "confirm");
  });

  it("offers to clear sign-in delays for an account with failed attempts, and says so", async () => {
    const locked = createUser({ name: "Cat Contributor", email: "cat@newsroom.test" });
    createUser({ name: "Dan Calm" });
    getDb().insert(s.loginAttempts).values(Array.from({ length: 6 }, (_, i) => ({ email: locked.email, ip: "203.0.113.66", success: false, at: Date.now() - 1000 + i }))).run();
    render(await UsersPage());
    const catRow = within(rowOf("Cat Contributor"));
    expect(catRow.getByText(/6 failed sign-ins/)).toBeInTheDocument();
    expect(catRow.getByRole("button", { name: /Clear sign-in delays/ })).toBeInTheDocument();
    expect(within(rowOf("Dan Calm")).queryByRole("button", { name: /Clear sign-in delays/ })).toBeNull();
  });
});
