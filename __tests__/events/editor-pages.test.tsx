import { render, screen } from "@testing-library/react";
import DeleteEventPage from "@/app/editor/events/[id]/delete/page";
import EditEventPage from "@/app/editor/events/[id]/edit/page";
import EditorEventsPage from "@/app/editor/events/page";
import type { Role } from "@/db/schema";
import { currentSessionUser } from "@/lib/auth/session";
import { parseLocalDateTime } from "@/lib/dates";
import { createEvent, createUser } from "../factories";
import { freshDb } from "../helpers/db";

jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "127.0.0.1") }));

const sessionUser = currentSessionUser as jest.MockedFunction<typeof currentSessionUser>;

async function signInAs(role: Role) {
  const user = await createUser({ role });
  sessionUser.mockResolvedValue({ id: user.id, email: user.email, name: user.name, role });
}

beforeEach(async () => {
  await freshDb();
  sessionUser.mockReset();
});

describe("editor event pages", () => {
  it("tell a contributor they may not manage events, without listing any", async () => {
    await createEvent({ title: "Secret draft", status: "draft" });
    await signInAs("contributor");
    render(await EditorEventsPage({ searchParams: Promise.resolve({}) }));
    expect(screen.getByText("Only editors and administrators can manage events.")).toBeInTheDocument();
    expect(screen.queryByText("Secret draft")).not.toBeInTheDocument();
  });

  it("list every event, drafts included, for an editor", async () => {
    await createEvent({ title: "Secret draft", status: "draft" });
    await createEvent({ title: "Called off", status: "cancelled" });
    await signInAs("editor");
    render(await EditorEventsPage({ searchParams: Promise.resolve({}) }));
    expect(screen.getByRole("link", { name: "Secret draft" })).toBeInTheDocument();
    expect(screen.getByText("Cancelled")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "New event" })).toHaveAttribute("href", "/editor/events/new");
  });

  it("fill the edit form with the saved values, times in the site's zone", async () => {
    const event = await createEvent({ title: "Degree show", startsAt: parseLocalDateTime("2026-06-10T10:00") ?? 0, endsAt: parseLocalDateTime("2026-06-14T17:00") ?? 0 });
    await signInAs("admin");
    render(await EditEventPage({ params: Promise.resolve({ id: String(event.id) }), searchParams: Promise.resolve({}) }));
    expect(screen.getByLabelText("Title")).toHaveValue("Degree show");
    expect(screen.getByLabelText("Starts")).toHaveValue("2026-06-10T10:00");
    expect(screen.getByLabelText("Ends")).toHaveValue("2026-06-14T17:00");
    expect(screen.getByLabelText("Booking link")).toHaveAccessibleDescription(/Free, no booking needed/);
    expect(document.querySelector('input[name="version"]')).toHaveValue("1");
  });

  it("ask for confirmation before deleting", async () => {
    const event = await createEvent({ title: "Old lecture" });
    await signInAs("editor");
    render(await DeleteEventPage({ params: Promise.resolve({ id: String(event.id) }) }));
    expect(screen.getByRole("checkbox", { name: /Yes, delete “Old lecture”/ })).toBeRequired();
    expect(screen.getByRole("button", { name: "Delete event" })).toBeInTheDocument();
  });
});
