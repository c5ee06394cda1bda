import { InvalidError } from "@/lib/errors";

/**
 * Checks and cleans an uploaded WebVTT captions file. Pure (no file system,
 * no database) so it can be tested on its own. The browser renders cue text
 * as text, never as HTML, and /uploads serves the file with nosniff and a
 * sandboxing CSP; tags other than WebVTT's own cue tags are stripped anyway,
 * so a file opened elsewhere (or by an older player) carries no script.
 */
export const MAX_CAPTIONS_BYTES = 1024 * 1024;

const CHOOSE = "Choose a WebVTT captions file (.vtt) to upload.";
const NOT_VTT = "This file is not a WebVTT captions file: choose a .vtt file.";
const NO_HEADER = "This file does not start with “WEBVTT”, so it is not a WebVTT captions file.";
const NOT_UTF8 = "This captions file is not UTF-8 text. Save it as UTF-8 from your captions editor and upload it again.";

const refuse = (message: string) => new InvalidError(message, { file: message });

/** WebVTT's cue tags (class, italic, bold, underline, ruby, voice, language) and cue timestamps. */
const CUE_TAG = /^<\/?(?:c|i|b|u|ruby|rt|v|lang)(?:\.[\w-]+)*(?:[ \t][^<>]*)?>$|^<(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}>$/;

/** Removes script/style elements with their content and every tag that is not a cue tag, until nothing changes. */
export function stripTags(text: string): string {
  let out = text;
  for (let previous = ""; previous !== out; ) {
    previous = out;
    out = out
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<[^<>\n]*>/g, (tag) => (CUE_TAG.test(tag) ? tag : ""))
      .replace(/<script/gi, "");
  }
  return out;
}

/** The cleaned text to store, or an InvalidError marking the file field. */
export function checkCaptions({ bytes, fileName, mimeType }: { bytes: Buffer; fileName: string; mimeType: string }): string {
  if (bytes.length === 0) throw refuse(CHOOSE);
  // Browsers often send no type (or text/plain) for .vtt, so either the name or the type may vouch for it.
  if (!/\.vtt$/i.test(fileName) && mimeType.split(";")[0]?.trim().toLowerCase() !== "text/vtt") throw refuse(NOT_VTT);
  if (bytes.length > MAX_CAPTIONS_BYTES) {
    const message = `This file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; captions files must be 1 MB or smaller.`;
    throw refuse(message);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse(NOT_UTF8);
  }
  // Control characters other than tab and line breaks mean a binary file, whatever its name.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) throw refuse(NOT_UTF8);
  text = text.replace(/\r\n?/g, "\n");
  // The WebVTT signature: "WEBVTT" alone on the line or followed by a space or tab.
  if (!/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(text)) throw refuse(NO_HEADER);
  return stripTags(text);
}
