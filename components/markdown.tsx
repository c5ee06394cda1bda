import { config } from "@/lib/config";
import { renderMarkdown } from "@/lib/markdown";

/**
 * Renders user-written Markdown through THE renderer (lib/markdown.ts), which
 * sanitises its output: the only place dangerouslySetInnerHTML is fed text
 * that a person typed.
 */
export function Markdown({ source, className = "prose" }: { source: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderMarkdown(source, { siteOrigin: config().siteUrl }) }} />;
}
