// nodemailer needs Node timers that jsdom lacks; mail itself is tested in the node project.
jest.mock("@/lib/mail", () => ({ sendMail: jest.fn(async () => ({ messageId: "test" })) }));
jest.mock("@/app/(public)/open-days/[slug]/actions", () => ({ registerAction: jest.fn() }));
jest.mock("@/app/(public)/open-days/registrations/[token]/actions", () => ({
  updateBookingAction: jest.fn(),
  moveBookingAction: jest.fn(),
  cancelBookingAction: jest.fn(),
}));
import { fireEvent, render, screen, within } from "@testing-library/react";
import { createOpenDay } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import OpenDaysPage from "@/app/(public)/open-days/page";
import OpenDayPage from "@/app/(public)/open-days/[slug]/page";
import ManageBookingPage from "@/app/(public)/open-days/registrations/[token]/page";
import PrivacyPage from "@/app/(public)/privacy/page";
import { RegistrationForm } from "@/components/open-days/registration-form";
import { formatTime } from "@/lib/dates";
import { register } from "@/lib/open-days/registrations";
import { regInput } from "./helpers";

beforeEach(async () => {
  await freshDb();
});

test("the finder lists bookable days with places left and the waiting list when full", async () => {
  const full = await createOpenDay({ title: "Full day", capacity: 1 });
  await createOpenDay({ title: "Roomy day", capacity: 40, level: "postgraduate" });
  await createOpenDay({ title: "Closed day", status: "closed" });
  await register(regInput(full.id), { ip: "192.0.2.1" });
  render(await OpenDaysPage({ searchParams: Promise.resolve({}) }));
  expect(screen.getByRole("heading", { level: 1, name: "Open days" })).toBeInTheDocument();
  const cards = screen.getAllByRole("listitem").filter((li) => li.classList.contains("open-day-card"));
  expect(cards.map((c) => within(c).getByRole("heading").textContent)).toEqual(["Full day", "Roomy day"]);
  expect(within(cards[0]!).getByRole("link", { name: /join the waiting list/i })).toHaveAttribute("href", `/open-days/${full.slug}#register`);
  expect(within(cards[1]!).getByText("40 places left")).toBeInTheDocument();
  expect(screen.getByLabelText("Level")).toBeInTheDocument();
  expect(screen.getByLabelText("Month")).toBeInTheDocument();
});

test("the finder's empty state", async () => {
  render(await OpenDaysPage({ searchParams: Promise.resolve({ level: "postgraduate" }) }));
  expect(screen.getByText(/no open days matching your search/i)).toBeInTheDocument();
});

test("an open day shows its programme and a labelled registration form with the honeypot and privacy link", async () => {
  const day = await createOpenDay({ title: "Spring day", travelInfo: "Take the **number 5** bus.", sessions: [{ title: "Labs", room: "B2", capacity: 20 }] });
  render(await OpenDayPage({ params: Promise.resolve({ slug: day.slug }) }));
  expect(screen.getByRole("heading", { level: 1, name: "Spring day" })).toBeInTheDocument();
  const table = screen.getByRole("table");
  expect(within(table).getByRole("rowheader", { name: "Labs" })).toBeInTheDocument();
  expect(within(table).getByText("20")).toBeInTheDocument();
  expect(screen.getByText("number 5").tagName).toBe("STRONG");
  for (const label of ["Full name", "Email address", "Level of study", "Subject of interest", "Number of guests", "Access needs"]) {
    expect(screen.getByLabelText(label)).toBeInTheDocument();
  }
  expect(screen.getByRole("checkbox", { name: /Labs/ })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "privacy notice" })).toHaveAttribute("href", "/privacy");
  expect(document.querySelector('.honeypot input[name="website"]')).not.toBeNull();
});

test("the manage page shows the booking, the programme, the calendar link and the change forms", async () => {
  const day = await createOpenDay({ title: "Autumn day", sessions: [{ title: "Tour" }] });
  const r = await register(regInput(day.id, { name: "Lee Chan", guests: 2, sessionIds: [day.sessions[0]!.id] }), { ip: "192.0.2.2" });
  if (r.outcome !== "confirmed") throw new Error("expected confirmed");
  render(await ManageBookingPage({ params: Promise.resolve({ token: r.token }), searchParams: Promise.resolve({}) }));
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Your open-day booking");
  expect(screen.getByText("Lee Chan")).toBeInTheDocument();
  expect(screen.getByText("Confirmed")).toBeInTheDocument();
  expect(screen.getByText("You and 2 guests")).toBeInTheDocument();
  expect(screen.getByRole("link", { name: /Add to your calendar/ })).toHaveAttribute("href", `/open-days/registrations/${r.token}/calendar.ics`);
  expect(screen.getByRole("heading", { name: "Change guests or sessions" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: /Cancel my registration/ })).toBeInTheDocument();
});

test("the privacy notice gives the retention period from config", () => {
  render(PrivacyPage());
  expect(screen.getByText(/deleted automatically 180 days after the open day/)).toBeInTheDocument();
  expect(screen.getByText(/editors and administrators/)).toBeInTheDocument();
});

test("after registering, the confirmation page says you are booked, names a full session and shows the booking", async () => {
  const day = await createOpenDay({ title: "Winter day", capacity: 10, sessions: [{ title: "Lab tour", capacity: 1, room: "B2" }, { title: "Welcome talk", room: "Great Hall" }] });
  const [lab, talk] = day.sessions;
  await register(regInput(day.id, { sessionIds: [lab!.id] }), { ip: "192.0.2.3" });
  const r = await register(regInput(day.id, { guests: 1, sessionIds: [lab!.id, talk!.id] }), { ip: "192.0.2.4" });
  if (r.outcome !== "confirmed") throw new Error("expected confirmed");
  render(await ManageBookingPage({ params: Promise.resolve({ token: r.token }), searchParams: Promise.resolve({ done: "registered" }) }));
  const notice = screen.getByRole("status");
  expect(within(notice).getByRole("heading", { name: "You're booked" })).toBeInTheDocument();
  expect(notice).toHaveTextContent("“Lab tour” is full, so you are on the waiting list for that session");
  expect(screen.getByText("You and 1 guest")).toBeInTheDocument();
  const programme = screen.getByRole("list", { name: "Your programme" });
  expect(within(programme).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    `${formatTime(lab!.startsAt)}–${formatTime(lab!.endsAt)}: Lab tour, B2 (waiting list)`,
    `${formatTime(talk!.startsAt)}–${formatTime(talk!.endsAt)}: Welcome talk, Great Hall`,
  ]);
  expect(screen.getByRole("link", { name: /Add to your calendar/ })).toHaveAttribute("href", `/open-days/registrations/${r.token}/calendar.ics`);
});

test("the confirmation page for a waiting-list booking says so; without ?done there is no notice", async () => {
  const day = await createOpenDay({ capacity: 1 });
  await register(regInput(day.id), { ip: "192.0.2.5" });
  const r = await register(regInput(day.id), { ip: "192.0.2.6" });
  if (r.outcome !== "waitlisted") throw new Error("expected waitlisted");
  const { unmount } = render(await ManageBookingPage({ params: Promise.resolve({ token: r.token }), searchParams: Promise.resolve({ done: "registered" }) }));
  expect(within(screen.getByRole("status")).getByRole("heading", { name: "You're on the waiting list" })).toBeInTheDocument();
  unmount();
  render(await ManageBookingPage({ params: Promise.resolve({ token: r.token }), searchParams: Promise.resolve({}) }));
  expect(screen.queryByRole("status")).toBeNull();
});

test("the form shows a duplicate's message in place, with no booking details or link", async () => {
  const action = jest.fn(async () => ({ ok: true, outcome: "duplicate" as const, message: "You are already registered for this open day." }));
  render(<RegistrationForm action={action} defaultLevel="undergraduate" subjects={[]} sessions={[]} />);
  fireEvent.click(screen.getByRole("button", { name: "Register" }));
  const status = await screen.findByRole("status");
  expect(within(status).getByRole("heading", { name: "You're already registered" })).toBeInTheDocument();
  expect(within(status).queryByRole("link")).toBeNull();
});
