import type { Browser, Page } from "playwright-core";
import { axeViolations, baseUrl, launchBrowser, login } from "./support/browser";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  page = await browser.newPage();
});
afterEach(async () => {
  await page.close();
});

async function openFirstUndergraduateDay(p: Page): Promise<string> {
  await p.goto(`${baseUrl()}/open-days`);
  await p.getByLabel("Level").selectOption("undergraduate");
  const campus = p.getByLabel("Campus");
  const campusValue = await campus.locator("option").nth(1).getAttribute("value");
  await campus.selectOption(campusValue!);
  await p.getByRole("button", { name: "Find open days" }).click();
  await p.waitForURL(/level=undergraduate/);
  expect(p.url()).toContain(`campus=${encodeURIComponent(campusValue!).replace(/%20/g, "+")}`);
  expect(await axeViolations(p)).toEqual([]);
  const link = p.locator("main h2 a, main h3 a").filter({ hasText: /open day/i }).first();
  await link.click();
  await p.waitForURL(/\/open-days\/[a-z0-9-]+$/);
  return new URL(p.url()).pathname;
}

describe("open days", () => {
  it("a student finds an open day, books with a guest and two sessions, changes sessions, downloads the calendar file and cancels", async () => {
    await openFirstUndergraduateDay(page);
    expect(await axeViolations(page)).toEqual([]);
    const email = `student-${Date.now().toString(36)}@example.org`;
    await page.getByLabel("Full name").fill("Alex Applicant");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Number of guests").selectOption("1").catch(async () => page.getByLabel("Number of guests").fill("1"));
    const sessions = page.locator('input[name="sessionIds"]');
    await sessions.nth(0).check();
    await sessions.nth(1).check();
    await page.locator("#field-consent").check();
    await page.getByRole("button", { name: "Register" }).click();
    await page.getByRole("heading", { name: "You're booked" }).waitFor();

    await page.getByRole("link", { name: /See, change or cancel your booking/ }).click();
    await page.waitForURL(/\/open-days\/registrations\/[A-Za-z0-9_-]+/);
    const manage = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Your open-day booking");
    expect(await page.locator("main").textContent()).toContain("Confirmed");
    expect(await axeViolations(page)).toEqual([]);

    // Swap the second session for the third.
    const change = page.locator('input[name="sessionIds"]');
    await change.nth(1).uncheck();
    await change.nth(2).check();
    const chosen = (await page.locator('label[for="' + (await change.nth(2).getAttribute("id")) + '"]').textContent())!.trim().split("\n")[0]!;
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/done=/);
    expect(await page.locator("main").textContent()).toContain(chosen.slice(0, 20));
    expect(await page.locator('input[name="sessionIds"]').nth(2).isChecked()).toBe(true);
    expect(await page.locator('input[name="sessionIds"]').nth(1).isChecked()).toBe(false);

    const ics = await page.request.get(`${baseUrl()}${manage}/calendar.ics`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toMatch(/text\/calendar/);
    expect(await ics.text()).toMatch(/BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT/);

    await page.getByRole("link", { name: /Cancel my registration/ }).click();
    await page.getByRole("button", { name: "Yes, cancel my registration" }).click();
    await page.getByText(/Your registration has been cancelled/).waitFor();
    expect(await page.locator("main").textContent()).toContain("Cancelled");
  });

  it("keeps what was typed and marks each field in error", async () => {
    await openFirstUndergraduateDay(page);
    await page.getByLabel("Full name").fill("");
    await page.getByLabel("Email address").fill("nobody-at-example");
    await page.getByRole("button", { name: "Register" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.getByLabel("Full name").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Email address").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Email address").inputValue()).toBe("nobody-at-example");
    expect(await page.locator("#field-consent").getAttribute("aria-invalid")).toBe("true");
  });

  it("an editor sees the registrations with totals and exports them as CSV for Excel", async () => {
    await login(page, "editor@newsroom.test");
    await page.goto(`${baseUrl()}/editor/open-days`);
    await page.locator('main a[href$="/registrations"]').first().click();
    await page.waitForURL(/\/editor\/open-days\/\d+\/registrations$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Registrations: /);
    expect(await page.locator("main").textContent()).toMatch(/Confirmed/);
    expect(await axeViolations(page)).toEqual([]);
    const href = await page.getByRole("link", { name: "Export as CSV" }).getAttribute("href");
    const csv = await page.request.get(baseUrl() + href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/text\/csv/);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").slice(1).split("\r\n")[0]).toMatch(/^"[^"]+"(,"[^"]+")+$/);
    // Signed out, the same link is refused.
    const anonymous = await fetch(baseUrl() + href, { redirect: "manual" });
    expect([302, 303, 307, 401, 403, 404]).toContain(anonymous.status);
  });
});

describe("events", () => {
  it("lists what is on now and offers calendar files", async () => {
    await page.goto(`${baseUrl()}/events`);
    expect(await page.locator("main").getByText("On now").count()).toBeGreaterThan(0);
    await page.locator('main a[href^="/events/"]:not([href$=".ics"])').first().click();
    await page.waitForURL(/\/events\/[a-z0-9-]+$/);
    const ics = await page.getByRole("link", { name: /Add to calendar/ }).getAttribute("href");
    const one = await fetch(baseUrl() + ics);
    expect(one.headers.get("content-type")).toMatch(/text\/calendar/);
    expect(await one.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const all = await fetch(`${baseUrl()}/events.ics`);
    expect((await all.text()).match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(1);
  });
});
