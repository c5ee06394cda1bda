import { render, screen, within } from "@testing-library/react";
import AuditPage from "@/app/editor/audit/page";
import { formatDateTime } from "@/lib/dates";
import { createAuditEntry, createEvent, createOpenDay, createRegistration, createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { setPathname } from "../helpers/stubs/next-navigation";
import { actAs } from "../helpers/session";

beforeEach(() => setPathname("/editor/audit"));

beforeEach(() => freshDb());

type Entry = { action: string; entity: string; entityId: string | null; actorId?: number | null; actorEmail?: string | null; details?: Record<string, unknown> | null; at: number };
const add = (e: Entry) => createAuditEntry({ ip: "192.0.2.1", actorId: null, actorEmail: null, details: null, ...e });
const rowFor = (text: string) => screen.getAllByRole("row").find((r) => r.textContent?.includes(text))!;

describe("the audit log page", () => {
  it("shows human names, the actor's name, links to what still exists, readable details and formatted dates", async () => {
    const admin = await createUser({ role: "admin", name: "Ada Admin" });
    const editor = await createUser({ role: "editor", name: "Ed Itor", email: "ed@example.com" });
    const story = await createStory({ title: "Bees return to the quad" });
    const event = await createEvent({ title: "Winter lecture" });
    const day = await createOpenDay({ title: "Spring open day" });
    const publishAt = Date.UTC(2026, 11, 24, 9, 30);
    const base = Date.UTC(2026, 11, 1, 12, 0);
    await add({ action: "story.publish", entity: "story", entityId: String(story.id), actorId: editor.id, actorEmail: editor.email, details: { publishAt, note: "Ready" }, at: base + 5000 });
    await add({ action: "event.update", entity: "event", entityId: String(event.id), actorId: editor.id, actorEmail: editor.email, at: base + 4000 });
    await add({ action: "open-day.update", entity: "open-day", entityId: String(day.id), actorId: admin.id, actorEmail: admin.email, details: { capacity: 120, sessions: 3 }, at: base + 3000 });
    await add({ action: "user.role", entity: "user", entityId: String(editor.id), actorId: admin.id, actorEmail: admin.email, details: { from: "contributor", to: "editor" }, at: base + 2000 });
    await add({ action: "event.delete", entity: "event", entityId: "9999", actorId: editor.id, actorEmail: editor.email, details: { title: "Old talk" }, at: base + 1000 });
    const reg = await createRegistration({ openDayId: day.id, name: "Pat Applicant", email: "pat@example.com", level: "undergraduate", status: "confirmed", manageTokenHash: "x".repeat(64) });
    await add({ action: "registration.create", entity: "registration", entityId: String(reg.id), details: { openDayId: day.id, status: "confirmed" }, at: base });
    actAs(admin);
    render(await AuditPage({ searchParams: Promise.resolve({}) }));
    const table = screen.getByRole("table");

    const published = rowFor("Bees return to the quad");
    expect(published).toHaveTextContent("Published a story");
    expect(within(published).getByText("Ed Itor")).toBeInTheDocument();
    expect(within(published).getByRole("link", { name: "Bees return to the quad" })).toHaveAttribute("href", `/editor/stories/${story.id}/edit`);
    expect(published).toHaveTextContent(`Publish at: ${formatDateTime(publishAt)}`);
    expect(published).toHaveTextContent("Note: Ready");
    expect(within(published).getByText(formatDateTime(base + 5000))).toBeInTheDocument();

    expect(within(rowFor("Winter lecture")).getByRole("link", { name: "Winter lecture" })).toHaveAttribute("href", `/editor/events/${event.id}/edit`);
    const dayRow = rowFor("Spring open day");
    expect(within(dayRow).getByRole("link", { name: "Spring open day" })).toHaveAttribute("href", `/editor/open-days/${day.id}/edit`);
    expect(dayRow).toHaveTextContent("Capacity: 120");
    const roleRow = rowFor("Changed a user's role");
    expect(within(roleRow).getByRole("link", { name: "Ed Itor" })).toHaveAttribute("href", "/editor/users");
    expect(roleRow).toHaveTextContent("From: contributor");
    // A deleted record is named but not linked.
    const deleted = rowFor("Deleted an event");
    expect(deleted).toHaveTextContent("Event #9999 (no longer exists)");
    expect(within(deleted).queryAllByRole("link")).toHaveLength(0);
    // A registration links to its open day's registrations; no actor means the public form.
    const registered = rowFor("Registered for an open day");
    expect(within(registered).getByRole("link", { name: /Spring open day/ })).toHaveAttribute("href", `/editor/open-days/${day.id}/registrations`);
    expect(registered).toHaveTextContent("Status: confirmed");
    expect(registered).toHaveTextContent("Public or system");
    expect(registered).not.toHaveTextContent("Pat Applicant");

    // No raw codes, JSON or epoch numbers anywhere in the table.
    expect(table.textContent).not.toMatch(/story\.publish|open-day\.update|[{}]|"|\b1\d{12}\b/);
    // The action filter offers names too.
    expect(screen.getByRole("option", { name: "Published a story" })).toHaveAttribute("value", "story.publish");
  });
});
