import { JSDOM } from "jsdom";

/**
 * A strict XML parse (as a feed reader would do it) for tests that run under
 * node, where the route handlers' Request/Response live. A malformed document
 * yields a <parsererror> element.
 */
export function parseXml(xml: string): Document {
  const { DOMParser } = new JSDOM("").window;
  return new DOMParser().parseFromString(xml, "application/xml");
}
