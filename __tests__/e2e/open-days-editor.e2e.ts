import type { Page } from "playwright-core";
import { axeViolations, baseUrl, login, pagePerTest } from "./support/browser";

/**
 * Issue 5, the editor's side and the public events: an editor reads an open
 * day's registrations with totals and exports them as CSV for Excel; events
 * list what is "On now" and offer iCalendar files. Works on a fresh seed.
 */

let page: Page;

// Public forms are rate-limited per client IP: a per-run address, passed as a trusted proxy would
// (the e2e server trusts loopback: TRUSTED_PROXIES in support/global-setup.ts), isolates this file.
pagePerTest(
  (p) => {
    page = p;
  },
  () => ({ "x-forwarded-for": `203.0.113.${(Date.now() % 250) + 1}` }),
);

const DAY = "Undergraduate open day: City campus";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("open days: the editor's registrations", () => {
  it("shows an open day's registrations with totals and exports them as CSV that Excel reads safely", async () => {
    // A registration of our own, so the export has a row we know (a leading "=" must be neutralised).
    const email = `e2e-export-${Date.now()}@example.com`;
    await page.goto(`${baseUrl()}/open-days?level=undergraduate&campus=City+campus`);
    await page.getByRole("link", { name: DAY, exact: true }).click();
    await page.waitForURL(/\/open-days\/[a-z0-9-]+$/);
    const form = page.getByRole("region", { name: "Register" });
    await form.getByLabel("Full name").fill("Sam Export");
    await form.getByLabel("Email address").fill(email);
    await form.getByLabel("Access needs").fill("=1+1 hearing loop");
    await form.getByLabel(/I have read the privacy notice/).check();
    await form.getByRole("button", { name: "Register" }).click();
    await page.getByRole("heading", { name: /^You're (booked|on the waiting list)$/ }).waitFor({ timeout: 30_000 });

    await login(page, "editor@newsroom.test");
    await page.getByRole("navigation", { name: "Editor" }).getByRole("link", { name: "Open days" }).click();
    await page.waitForURL(/\/editor\/open-days$/);
    await page.getByRole("link", { name: new RegExp(`^\\d+ confirmed, \\d+ waiting, \\d+ cancelled for ${escape(DAY)}$`) }).click();
    await page.waitForURL(/\/editor\/open-days\/\d+\/registrations$/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(`Registrations: ${DAY}`);

    const totals = (await page.locator("h2:text-is('Totals') + ul").textContent())!;
    expect(totals).toMatch(/Confirmed: [1-9]\d* registrations, [1-9]\d* people of 300 places \(\d+ guests\)/);
    expect(totals).toMatch(/Waiting list: \d+ registrations, \d+ people/);
    expect(totals).toMatch(/Cancelled: \d+/);
    await page.getByRole("table", { name: "Confirmed people per session" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: email });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain("Sam Export");
    expect(await axeViolations(page)).toEqual([]);

    const href = await page.getByRole("link", { name: "Export as CSV" }).getAttribute("href");
    expect(href).toMatch(/^\/editor\/open-days\/\d+\/registrations\.csv$/);
    const csv = await page.request.get(new URL(href!, page.url()).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="registrations-[a-z0-9-]+\.csv"/);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe('"Registered","Name","Email","Level","Subject","Guests","Party size","Status","Sessions","Access needs"');
    const mine = lines.find((l) => l.includes(email));
    expect(mine).toContain('"Sam Export"');
    expect(mine).toContain(`"'=1+1 hearing loop"`);

    // The same link without the editor's session gets no data: it is sent to sign in.
    const anonymous = await fetch(new URL(href!, baseUrl()), { redirect: "manual" });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toMatch(/\/login(\?|$)/);
    expect(await anonymous.text()).not.toContain(email);
  });
});

describe("events", () => {
  it("lists an event that is on now, and its page offers an .ics file", async () => {
    await page.goto(`${baseUrl()}/events`);
    const onNow = page.getByRole("region", { name: "On now" });
    await onNow.waitFor();
    const card = onNow.getByRole("listitem").first();
    expect(await card.locator(".type-label").textContent()).toBe("On now");
    const link = card.getByRole("heading", { level: 3 }).getByRole("link");
    const title = (await link.textContent())!.trim();
    await link.click();
    await page.waitForURL(/\/events\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(title);
    expect(await page.getByText("On now", { exact: true }).count()).toBeGreaterThan(0);

    const add = page.getByRole("link", { name: /^Add to calendar/ });
    const href = await add.getAttribute("href");
    expect(href).toMatch(/^\/events\/[a-z0-9-]+\/calendar\.ics$/);
    const ics = await page.request.get(new URL(href!, page.url()).toString());
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
    expect(ics.headers()["content-disposition"]).toMatch(/filename="[^"]+\.ics"/);
    const body = await ics.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(body.replace(/\r\n[ \t]/g, "")).toContain(`SUMMARY:${title.replace(/([,;\\])/g, "\\$1")}`);
    expect(body.trimEnd()).toMatch(/END:VCALENDAR$/);
  });

  it("offers every upcoming event as a calendar subscription", async () => {
    await page.goto(`${baseUrl()}/events`);
    const href = await page.getByRole("link", { name: /Subscribe to all upcoming events in your calendar app/ }).getAttribute("href");
    expect(href).toBe("/events.ics");
    const res = await page.request.get(new URL(href!, page.url()).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^text\/calendar/);
    const body = await res.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThan(1);
    expect(body.trimEnd()).toMatch(/END:VCALENDAR$/);
  });
});
