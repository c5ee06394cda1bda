import { act, fireEvent, render, screen } from "@testing-library/react";
import { LoginForm } from "@/components/login-form";

describe("LoginForm", () => {
  it("labels its fields and shows the action's error message, keeping the typed email", async () => {
    const action = jest.fn(async () => ({ ok: false, message: "Email or password is incorrect.", values: { email: "ada@x.test" } }));
    render(<LoginForm action={action} next="/editor" />);
    expect(screen.getByLabelText("Email address")).toHaveAttribute("type", "email");
    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "password");
    fireEvent.change(screen.getByLabelText("Email address"), { target: { value: "ada@x.test" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "wrong" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("Email or password is incorrect.");
    expect(screen.getByLabelText("Email address")).toHaveValue("ada@x.test");
    expect(screen.getByLabelText("Password")).toHaveValue("");
    const sent = (action.mock.calls[0] as unknown as [unknown, FormData])[1];
    expect(sent.get("email")).toBe("ada@x.test");
    expect(sent.get("next")).toBe("/editor");
  });

  it("links field errors to their inputs", () => {
    render(<LoginForm action={jest.fn()} next="/editor" initialState={{ ok: false, message: "There is a problem", errors: { email: "Enter your email address." } }} />);
    const email = screen.getByLabelText("Email address");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription(expect.stringContaining("Enter your email address."));
    expect(screen.getByRole("link", { name: "Enter your email address." })).toHaveAttribute("href", "#field-email");
  });
});
