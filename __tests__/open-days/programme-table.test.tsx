import { render, screen, within } from "@testing-library/react";
import { ProgrammeTable } from "@/components/open-days/programme-table";

const sessions = [
  { id: 11, title: "Postgraduate study at Harrowgate", description: "An overview.", startsAt: Date.UTC(2027, 0, 16, 10), endsAt: Date.UTC(2027, 0, 16, 10, 45), room: "Great Hall", placesLeft: null },
  { id: 12, title: "Lab tour", description: "", startsAt: Date.UTC(2027, 0, 16, 11), endsAt: Date.UTC(2027, 0, 16, 12), room: "", placesLeft: 0 },
];

/**
 * At phone widths the programme is drawn as stacked rows (app/globals.css);
 * changing a table's CSS display drops its semantics in some browsers, so the
 * markup carries explicit table roles, and each cell names its column for the
 * stacked layout.
 */
describe("the programme table", () => {
  it("stays a named table with header cells when its rows are stacked", () => {
    render(<ProgrammeTable sessions={sessions} caption="Sessions on Saturday" />);
    const table = screen.getByRole("table", { name: "Sessions on Saturday" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Time", "Session", "Room", "Places left"]);
    expect(within(table).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["Postgraduate study at HarrowgateAn overview.", "Lab tour"]);
    const lab = within(table).getAllByRole("row")[2]!;
    const cells = within(lab).getAllByRole("cell");
    expect(cells.map((c) => [c.getAttribute("data-label"), c.textContent])).toEqual([
      ["Time", expect.stringMatching(/–/)],
      ["Room", "To be confirmed"],
      ["Places left", "Full (waiting list)"],
    ]);
  });
});
