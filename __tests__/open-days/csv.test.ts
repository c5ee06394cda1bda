import { eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { createOpenDay, createUser } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { csvCell, toCsv } from "@/lib/open-days/csv";
import { exportRegistrationsCsv } from "@/lib/open-days/editor";
import { register } from "@/lib/open-days/registrations";
import { nextIp, regInput } from "./helpers";

let db: Awaited<ReturnType<typeof freshDb>>;
beforeEach(async () => {
  db = await freshDb();
});

test("every field is quoted, quotes doubled, rows end in CRLF, and the file starts with a UTF-8 BOM", () => {
  const csv = toCsv([
    ["a", 'say "hi"', "x,y"],
    ["line\nbreak", 3, null],
  ]);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.slice(1)).toBe('"a","say ""hi""","x,y"\r\n"line\nbreak","3",""\r\n');
  expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
});

test.each([
  ["=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""],
  ["+44 20 7946 0000", "\"'+44 20 7946 0000\""],
  ["-2+3", "\"'-2+3\""],
  ["@SUM(A1)", "\"'@SUM(A1)\""],
  ["\t=1", "\"'\t=1\""],
  ["\r=1", "\"'\r=1\""],
  ["Zoë O'Brien", "\"Zoë O'Brien\""],
  ["a=b", "\"a=b\""],
])("cell %j is written as %s", (input, expected) => {
  expect(csvCell(input)).toBe(expected);
});

test("the export has every registration with formula cells neutralised, and is audited", async () => {
  const day = await createOpenDay({ sessions: [{ title: "Labs" }] });
  await register(regInput(day.id, { name: "=cmd|' /C calc'!A0", email: "e@example.com", accessNeeds: "@wheelchair", sessionIds: [day.sessions[0]!.id] }), { ip: nextIp() });
  await register(regInput(day.id, { name: "Ana Müller", guests: 2 }), { ip: nextIp() });
  const editor = await createUser({ role: "editor" });
  const out = await exportRegistrationsCsv({ id: day.id }, { user: { id: editor.id, email: editor.email, name: editor.name, role: "editor" }, ip: "198.51.100.1" });
  const lines = out.csv.slice(1).split("\r\n");
  expect(lines).toHaveLength(4); // header, two rows, final empty
  expect(lines[0]).toMatch(/^"Registered","Name","Email"/);
  expect(lines[1]).toContain(`"'=cmd|' /C calc'!A0","e@example.com"`);
  expect(lines[1]).toContain(`"Labs","'@wheelchair"`);
  expect(lines[2]).toContain(`"Ana Müller"`);
  expect(lines[2]).toContain(`"2","3","confirmed"`);
  expect(out.fileName).toBe(`registrations-${day.slug}.csv`);
  const audit = await db.select().from(auditLog).where(eq(auditLog.action, "registration.export"));
  expect(audit).toEqual([expect.objectContaining({ actorId: editor.id, entityId: String(day.id), ip: "198.51.100.1", details: { rows: 2 } })]);
});
