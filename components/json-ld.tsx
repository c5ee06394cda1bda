import { serializeJsonLd } from "@/lib/stories/json-ld";

/**
 * Structured data for search engines; "<" is escaped so nothing can end the
 * script early. It carries the response's CSP nonce like every inline script.
 */
export function JsonLd({ data, nonce }: { data: unknown; nonce: string | undefined }) {
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
