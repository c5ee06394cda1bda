import { serializeJsonLd } from "@/lib/stories/json-ld";

/** Structured data for search engines; "<" is escaped so nothing can end the script early. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
