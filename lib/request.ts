import "server-only";
import { headers } from "next/headers";
import { config } from "@/lib/config";
import { clientIpFromHeaders } from "@/lib/http/client-ip";

/** The client's IP for this request's headers (see lib/http/client-ip.ts for whom we believe). */
export function clientIpOf(requestHeaders: Pick<Headers, "get">): string {
  return clientIpFromHeaders(requestHeaders, config().trustedProxies);
}

/** The client's IP: the socket address, or the right-most untrusted hop behind a TRUSTED_PROXIES proxy; "unknown" when there is none. */
export async function clientIp(): Promise<string> {
  return clientIpOf(await headers());
}

/** This response's CSP nonce (proxy.ts puts it on the request as x-nonce), for inline <script> elements. */
export async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}
