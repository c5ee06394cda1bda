import { isSameSitePath } from "@/lib/http/links";

/**
 * Where to go after signing in: only a path inside the editor on this site.
 * Anything else (another host, "//evil", a backslash trick) goes to /editor.
 */
export function safeEditorPath(value: unknown): string {
  if (typeof value !== "string" || !value) return "/editor";
  if (!isSameSitePath(value)) return "/editor";
  let url: URL;
  try {
    url = new URL(value, "http://same.invalid");
  } catch {
    return "/editor";
  }
  if (url.host !== "same.invalid") return "/editor";
  if (url.pathname !== "/editor" && !url.pathname.startsWith("/editor/")) return "/editor";
  return `${url.pathname}${url.search}`;
}
