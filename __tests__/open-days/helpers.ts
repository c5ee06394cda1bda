import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";
import type { RegistrationInput } from "@/lib/open-days/schema";

/** A valid registration for the given day; override any field. */
export function regInput(openDayId: number, overrides: Partial<RegistrationInput> = {}, n = Math.random().toString(36).slice(2, 8)) {
  return {
    openDayId,
    name: `Applicant ${n}`,
    email: `applicant-${n}@example.com`,
    level: "undergraduate" as const,
    subject: "History",
    guests: 0,
    sessionIds: [] as number[],
    accessNeeds: "",
    consent: "on" as const,
    website: "",
    ...overrides,
  };
}

/** The .eml files written so far, oldest first, as text. */
export function outbox(): { file: string; text: string }[] {
  const dir = config().outboxDir;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), "utf8") }));
}

export function clearOutbox(): void {
  fs.rmSync(config().outboxDir, { recursive: true, force: true });
}

/** Headers of an .eml are folded and maybe encoded; this reads the To: and Subject: lines well enough for tests. */
export function header(eml: string, name: string): string {
  const m = new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, "mi").exec(eml);
  return m ? m[1]!.replace(/\r?\n[ \t]/g, " ") : "";
}

/** Distinct IPs so the per-IP rate limit does not interfere with tests of something else. */
let ipSeq = 0;
export const nextIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

/** The text of an .eml with quoted-printable soft breaks and =XX escapes decoded (for non-ASCII text such as “quotes”). */
export function decodedText(eml: string): string {
  const joined = eml.replace(/=\r?\n/g, "");
  return joined.replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ""), "hex").toString("utf8"));
}
