import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { axeViolations, baseUrl, pagePerTest } from "./support/browser";
import { readState } from "./support/server";

/**
 * Issue 5, the registrant's side: find an open day with the finder → register
 * with a guest and two sessions → confirmation → the private manage link from
 * the e-mail → change sessions → calendar file → cancel. Plus the form's
 * server-side validation. Works on a fresh seed: the seeded postgraduate open
 * afternoons at Riverside campus, and only sessions without a booking limit.
 */

let page: Page;

// Public forms are rate-limited per client IP. A per-run address, passed as a trusted proxy
// would (the e2e server trusts loopback: TRUSTED_PROXIES in support/global-setup.ts), keeps
// this file's few submissions in their own bucket when other suites share the server.
pagePerTest(
  (p) => {
    page = p;
  },
  () => {
    const n = Date.now() % 250;
    return { "x-forwarded-for": `198.51.100.${n + 1}` };
  },
);

/** The server's data folder: the fresh server's (state file) or, for a running one, E2E_DATA_DIR. */
function outboxDir(): string | null {
  const dataDir = process.env.E2E_BASE_URL ? process.env.E2E_DATA_DIR : readState().dataDir;
  return dataDir ? path.join(dataDir, "outbox") : null;
}

/** The manage link in the newest .eml addressed to `email` (quoted-printable soft breaks undone). */
async function manageLinkFromOutbox(email: string): Promise<string | null> {
  const dir = outboxDir();
  if (!dir) return null;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).sort().reverse() : [];
    for (const file of files) {
      const raw = fs.readFileSync(path.join(dir, file), "utf8");
      if (!new RegExp(`^To: .*${email.replace(/[.+]/g, "\\$&")}`, "mi").test(raw)) continue;
      const text = raw.replace(/=\r?\n/g, "");
      const match = text.match(/https?:\/\/[^\s"<>]+(\/open-days\/registrations\/[A-Za-z0-9_%-]+)/);
      if (match) return match[1]!;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No e-mail with a manage link for ${email} in ${dir}`);
}

/** The seeded postgraduate afternoon at Riverside, found through the finder's filters. */
async function findOpenDay(): Promise<string> {
  await page.goto(`${baseUrl()}/open-days`);
  const finder = page.getByRole("search", { name: "Find an open day" });
  await finder.getByLabel("Level").selectOption("postgraduate");
  await finder.getByLabel("Campus").selectOption("Riverside campus");
  await finder.getByRole("button", { name: "Find open days" }).click();
  await page.waitForURL(/\/open-days\?.*level=postgraduate.*campus=Riverside/);
  await page.getByRole("heading", { name: "Open days matching your search" }).waitFor();
  const cards = page.locator("main li.open-day-card");
  expect(await cards.count()).toBeGreaterThan(0);
  for (const text of await cards.allTextContents()) {
    expect(text).toContain("Postgraduate open day");
    expect(text).toContain("Riverside campus");
    expect(text).not.toContain("Undergraduate");
  }
  return page.url();
}

const programme = (p: Page) => p.locator("h2:text-is('Your programme') + ul > li");

describe("open days: the registrant's journey", () => {
  it("finds an open day, registers with a guest and two sessions, manages, downloads the calendar and cancels", async () => {
    await findOpenDay();
    expect(await axeViolations(page)).toEqual([]);

    const card = page.locator("main li.open-day-card").first();
    const title = (await card.getByRole("heading", { level: 3 }).textContent())!.trim();
    await card.getByRole("link", { name: title, exact: true }).click();
    await page.waitForURL(/\/open-days\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(title);
    await page.getByRole("table", { name: /^Sessions on / }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const email = `e2e-openday-${Date.now()}@example.com`;
    const form = page.getByRole("region", { name: "Register" });
    await form.getByLabel("Full name").fill("Robin Journey");
    await form.getByLabel("Email address").fill(email);
    await form.getByLabel("Number of guests").selectOption("1");
    await form.getByLabel(/Postgraduate study at Harrowgate/).check();
    await form.getByLabel(/Funding your Master's or PhD/).check();
    await form.getByLabel(/I have read the privacy notice/).check();
    await form.getByRole("button", { name: "Register" }).click();

    // Post/Redirect/Get: the confirmation is the booking's own private page, safe to reload.
    await page.waitForURL(/\/open-days\/registrations\/[A-Za-z0-9_-]{43}\?done=registered$/, { timeout: 30_000 });
    const confirmation = page.getByRole("status").filter({ has: page.getByRole("heading", { name: "You're booked" }) });
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toContain(`Your place on ${title} is confirmed`);
    const manage = new URL(page.url()).pathname;
    const fromMail = await manageLinkFromOutbox(email);
    if (fromMail) expect(fromMail).toBe(manage);
    await page.reload();
    await confirmation.waitFor();
    expect(new URL(page.url()).pathname).toBe(manage);

    // The private page: booking, party and the personal programme.
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Your open-day booking");
    const details = page.locator("dl.booking-details");
    expect(await details.textContent()).toContain("Confirmed");
    expect(await details.textContent()).toContain("You and 1 guest");
    expect(await details.textContent()).toContain(email);
    const chosen = (await programme(page).allTextContents()).join("\n");
    expect(chosen).toMatch(/Postgraduate study at Harrowgate[\s\S]*Funding your Master's or PhD/);
    expect(chosen).not.toContain("Careers after a postgraduate degree");
    expect(await axeViolations(page)).toEqual([]);

    // Change sessions: drop funding, add careers.
    await page.getByLabel(/Funding your Master's or PhD/).uncheck();
    await page.getByLabel(/Careers after a postgraduate degree/).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/[?&]done=updated/);
    await page.getByRole("status").filter({ hasText: "Your booking has been updated" }).waitFor();
    const after = (await programme(page).allTextContents()).join("\n");
    expect(after).toContain("Postgraduate study at Harrowgate");
    expect(after).toContain("Careers after a postgraduate degree");
    expect(after).not.toContain("Funding your Master's or PhD");
    expect(await page.getByLabel(/Careers after a postgraduate degree/).isChecked()).toBe(true);

    // The calendar file: a download, served as text/calendar, with the new programme.
    const icsLink = page.getByRole("link", { name: "Add to your calendar (.ics)" });
    const [download] = await Promise.all([page.waitForEvent("download"), icsLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = await page.request.get(new URL((await icsLink.getAttribute("href"))!, page.url()).toString());
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
    const calendar = await ics.text();
    expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(calendar.replace(/\r\n[ \t]/g, "")).toContain("SUMMARY:Careers after a postgraduate degree");

    // Cancel, after a confirmation step.
    await page.getByRole("link", { name: "Cancel my registration…" }).click();
    await page.waitForURL(/[?&]cancel=1/);
    await page.getByText(`Are you sure you want to cancel your registration for ${title}?`).waitFor();
    await page.getByRole("button", { name: "Yes, cancel my registration" }).click();
    await page.waitForURL(/[?&]done=cancelled/);
    await page.getByRole("status").filter({ hasText: "Your registration has been cancelled" }).waitFor();
    expect(await details.textContent()).toContain("Cancelled");
    expect(await page.getByRole("button", { name: "Save changes" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Add to your calendar (.ics)" }).count()).toBe(0);
  });

  it("refuses an incomplete registration with a message per field and keeps what was typed", async () => {
    const results = await findOpenDay();
    await page.goto(results);
    await page.locator("main li.open-day-card h3 a").first().click();
    await page.waitForURL(/\/open-days\/[a-z0-9-]+$/);
    const form = page.getByRole("region", { name: "Register" });
    await form.getByLabel("Email address").fill("not-an-email");
    await form.getByLabel("Subject of interest").fill("Data Science");
    await form.getByLabel("Number of guests").selectOption("2");
    await form.getByLabel(/Postgraduate study at Harrowgate/).check();
    await form.getByLabel("Access needs").fill("Step-free route, please");
    await form.getByRole("button", { name: "Register" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor({ timeout: 30_000 });
    const summaryText = (await summary.textContent())!;
    expect(summaryText).toContain("Full name: Enter your name.");
    expect(summaryText).toContain("Email address: Enter an email address in the right format");
    expect(summaryText).toContain("Privacy notice: Confirm that you have read the privacy notice.");

    const name = form.getByLabel("Full name");
    const email = form.getByLabel("Email address");
    const consent = form.getByLabel(/I have read the privacy notice/);
    for (const field of [name, email, consent]) expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Subject of interest").getAttribute("aria-invalid")).toBeNull();
    expect(await name.evaluate((el) => el.getAttribute("aria-describedby"))).toContain("field-name-error");
    expect(await page.locator("#field-name-error").textContent()).toContain("Enter your name.");
    expect(await page.locator("#field-email-error").textContent()).toContain("Enter an email address in the right format");
    expect(await page.locator("#field-consent-error").textContent()).toContain("Confirm that you have read the privacy notice.");

    expect(await email.inputValue()).toBe("not-an-email");
    expect(await form.getByLabel("Subject of interest").inputValue()).toBe("Data Science");
    expect(await form.getByLabel("Number of guests").inputValue()).toBe("2");
    expect(await form.getByLabel(/Postgraduate study at Harrowgate/).isChecked()).toBe(true);
    expect(await form.getByLabel(/Funding your Master's or PhD/).isChecked()).toBe(false);
    expect(await form.getByLabel("Access needs").inputValue()).toBe("Step-free route, please");
    expect(await consent.isChecked()).toBe(false);
    expect(await page.getByRole("heading", { name: "You're booked" }).count()).toBe(0);
  });
});
