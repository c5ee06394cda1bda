/**
 * The SMTP path of lib/mail.ts, against a real SMTP server started here
 * (smtp-server). SMTP_URL is set before config() is first read.
 */
import net from "node:net";
import { SMTPServer } from "smtp-server";

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as net.AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("a registration's confirmation goes through SMTP with the .ics attached and nothing in the outbox", async () => {
  const { freshDb } = await import("@/__tests__/helpers/db");
  const { createOpenDay } = await import("@/__tests__/factories");
  const { register } = await import("@/lib/open-days/registrations");
  const { config } = await import("@/lib/config");
  const { clearOutbox, outbox, regInput } = await import("./helpers");
  await freshDb();
  clearOutbox();
  expect(config().smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
  const day = await createOpenDay({ title: "Autumn open day", sessions: [{ title: "Campus tour" }] });
  const r = await register(regInput(day.id, { email: "jo@example.com", sessionIds: [day.sessions[0]!.id] }), { ip: "192.0.2.99" });
  if (r.outcome !== "confirmed") throw new Error("expected confirmed");
  expect(received).toHaveLength(1);
  const [mail] = received;
  expect(mail!.to).toEqual(["jo@example.com"]);
  expect(mail!.from).toBe("newsroom@harrowgate.ac.uk");
  expect(mail!.raw).toMatch(/^Subject: You're booked: Autumn open day/m);
  const body = mail!.raw.replace(/=\r?\n/g, "");
  expect(body).toContain(`/open-days/registrations/${r.token}`);
  expect(body).toContain("Campus tour");
  expect(mail!.raw).toMatch(/Content-Type: text\/calendar/);
  expect(outbox()).toHaveLength(0);
});
