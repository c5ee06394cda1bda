jest.mock("@/app/editor/users/actions", () => ({
  changeRoleAction: jest.fn(),
  createUserAction: jest.fn(),
  resetPasswordAction: jest.fn(),
  setDisabledAction: jest.fn(),
  unlockSignInAction: jest.fn(),
}));

import { render, screen, within } from "@testing-library/react";
import UsersPage from "@/app/editor/users/page";
import { createSignInFailures, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { setPathname } from "../helpers/stubs/next-navigation";
import { actAs } from "../helpers/session";

beforeEach(() => setPathname("/editor/users"));

beforeEach(async () => {
  await freshDb();
  const admin = await createUser({ role: "admin", name: "Ada Admin" });
  actAs(admin);
});

const rowOf = (name: string) => screen.getByRole("rowheader", { name }).closest("tr")!;

describe("users page", () => {
  it("asks for confirmation before disabling, in the form itself (works without JavaScript)", async () => {
    await createUser({ name: "Ben Editor", role: "editor" });
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
    const locked = await createUser({ name: "Cat Contributor", email: "cat@newsroom.test" });
    await createUser({ name: "Dan Calm" });
    await createSignInFailures({ email: locked.email, ip: "203.0.113.66", count: 6, at: Date.now() - 1000 });
    render(await UsersPage());
    const catRow = within(rowOf("Cat Contributor"));
    expect(catRow.getByText(/6 failed sign-ins/)).toBeInTheDocument();
    expect(catRow.getByRole("button", { name: /Clear sign-in delays/ })).toBeInTheDocument();
    expect(within(rowOf("Dan Calm")).queryByRole("button", { name: /Clear sign-in delays/ })).toBeNull();
  });
});
