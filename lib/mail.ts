import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import nodemailer from "nodemailer";
import { config } from "@/lib/config";

export type MailAttachment = { filename: string; content: string | Buffer; contentType?: string };
export type Mail = { to: string; subject: string; text: string; html?: string; attachments?: MailAttachment[] };

/**
 * The one way mail leaves the portal: nodemailer to SMTP_URL when set,
 * otherwise an .eml file per message in data/outbox/ (so a fresh install
 * needs no mail server and nothing is silently dropped).
 */
export async function sendMail(mail: Mail): Promise<{ messageId: string; file?: string }> {
  const { smtpUrl, mailFrom, outboxDir } = config();
  const message = { from: mailFrom, ...mail };
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    const info = await transport.sendMail(message);
    return { messageId: info.messageId };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail(message);
  fs.mkdirSync(outboxDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(outboxDir, `${stamp}-${crypto.randomBytes(4).toString("hex")}.eml`);
  fs.writeFileSync(file, info.message as Buffer);
  return { messageId: info.messageId, file };
}
