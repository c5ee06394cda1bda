import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { CommentForm } from "@/components/comment-form";
import { CommentList, type CommentView } from "@/components/comment-list";
import type { FormState } from "@/lib/form";

describe("CommentList", () => {
  it("shows name, date in the site's zone and the body as plain paragraphs, never the e-mail", () => {
    // A caller that wrongly passes the whole row must still not leak the address.
    const row = { id: 1, name: "Jo Reader", email: "jo@example.com", body: "First line\nsecond line\n\n<b>Not bold</b> <script>alert(1)</script>", createdAt: Date.UTC(2024, 3, 22, 13, 30) };
    const { container } = render(<CommentList comments={[row as CommentView]} />);
    const item = screen.getByRole("article", { name: "Comment by Jo Reader" });
    expect(within(item).getByText("Jo Reader")).toBeInTheDocument();
    expect(within(item).getByText("22nd April 2024, 2.30pm")).toBeInTheDocument();
    const paragraphs = container.querySelectorAll(".comment__body p");
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]?.innerHTML).toBe("First line<br>second line");
    expect(paragraphs[1]?.textContent).toBe("<b>Not bold</b> <script>alert(1)</script>");
    expect(container.querySelector("b, script")).toBeNull();
    expect(container.innerHTML).not.toContain("jo@example.com");
  });

  it("says so when there are no comments", () => {
    render(<CommentList comments={[]} />);
    expect(screen.getByText("No comments yet.")).toBeInTheDocument();
  });
});

describe("CommentForm", () => {
  it("labels every field and hides the honeypot from people and assistive technology", () => {
    const { container } = render(<CommentForm action={jest.fn(async () => ({}))} storyId={7} />);
    expect(screen.getByLabelText("Name")).toHaveAttribute("name", "name");
    expect(screen.getByLabelText("Email address")).toHaveAttribute("type", "email");
    expect(screen.getByLabelText("Comment").tagName).toBe("TEXTAREA");
    expect(container.querySelector('input[name="storyId"]')).toHaveValue("7");
    const honeypot = container.querySelector('input[name="website"]');
    expect(honeypot).toHaveAttribute("tabindex", "-1");
    expect(honeypot).toHaveAttribute("autocomplete", "off");
    expect(honeypot?.closest(".honeypot")).toHaveAttribute("aria-hidden", "true");
    expect(screen.queryByRole("textbox", { name: "Website" })).toBeNull();
    expect(screen.getByRole("button", { name: "Send comment" })).toBeInTheDocument();
  });

  it("shows errors linked to their fields and keeps what was typed", async () => {
    const refused: FormState = {
      ok: false,
      message: "There is a problem with what you entered. Please check the fields marked below.",
      errors: { email: "Enter an email address in the right format, like name@example.com." },
      values: { storyId: "7", name: "Jo Reader", email: "jo@", body: "My comment", website: "" },
    };
    const action = jest.fn(async () => refused);
    const { container } = render(<CommentForm action={action} storyId={7} />);
    await act(async () => {
      fireEvent.submit(container.querySelector("form") as HTMLFormElement);
    });
    expect(action).toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("There is a problem");
    const email = screen.getByLabelText("Email address");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription(expect.stringContaining("Enter an email address in the right format"));
    expect(email).toHaveValue("jo@");
    expect(screen.getByLabelText("Name")).toHaveValue("Jo Reader");
    expect(screen.getByLabelText("Name")).not.toHaveAttribute("aria-invalid");
    expect(screen.getByLabelText("Comment")).toHaveValue("My comment");
  });

  it("thanks the reader after a successful submission", async () => {
    const action = jest.fn(async () => ({ ok: true, message: "Thank you. Your comment will appear once a moderator has approved it." }));
    const { container } = render(<CommentForm action={action} storyId={7} />);
    await act(async () => {
      fireEvent.submit(container.querySelector("form") as HTMLFormElement);
    });
    expect(screen.getByRole("status")).toHaveTextContent("Your comment will appear once a moderator has approved it.");
    expect(screen.getByLabelText("Comment")).toHaveValue("");
  });
});
