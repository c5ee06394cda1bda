/**
 * Who the client is, for rate limits, the sign-in throttle and the audit log.
 * Deliberately not "server-only" and free of next/headers: lib/config.ts
 * validates TRUSTED_PROXIES with it, and route code passes in its headers.
 *
 * X-Forwarded-For is written by whoever sent the request, so it is believed
 * only when the connection comes from a proxy we were told to trust, and
 * then only up to the first hop that proxy did not vouch for.
 */
import { BlockList, isIP } from "node:net";

/**
 * Set by scripts/server.ts on every request to the TCP peer's address
 * (any incoming header of that name is deleted first), so a client cannot
 * forge it. Next's handlers cannot see the socket; this is how it reaches them.
 */
export const SOCKET_IP_HEADER = "x-newsroom-socket-ip";

export const UNKNOWN_IP = "unknown";

export type TrustedProxies = { contains(ip: string): boolean };

/** "::ffff:10.0.0.1" is the IPv4 address 10.0.0.1 reaching a dual-stack socket. */
function normalise(raw: string): string | null {
  let ip = raw.trim();
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  return isIP(ip) ? ip : null;
}

/** One entry of TRUSTED_PROXIES: an address or a CIDR range; null when it is neither. */
function parseEntry(entry: string): { ip: string; prefix: number | null; family: "ipv4" | "ipv6" } | null {
  const [addr, bits, extra] = entry.trim().split("/");
  if (extra !== undefined || !addr) return null;
  const ip = normalise(addr);
  if (!ip) return null;
  const family = isIP(ip) === 4 ? "ipv4" : "ipv6";
  if (bits === undefined) return { ip, prefix: null, family };
  if (!/^\d{1,3}$/.test(bits)) return null;
  const prefix = Number(bits);
  if (prefix > (family === "ipv4" ? 32 : 128)) return null;
  return { ip, prefix, family };
}

/** The entries of a comma-separated TRUSTED_PROXIES value that are not addresses or CIDR ranges. */
export function invalidProxyEntries(list: string | readonly string[]): string[] {
  return splitList(list).filter((e) => parseEntry(e) === null);
}

function splitList(list: string | readonly string[]): string[] {
  const entries = typeof list === "string" ? list.split(",") : [...list];
  return entries.map((e) => e.trim()).filter(Boolean);
}

/** Builds the matcher for a TRUSTED_PROXIES list; invalid entries throw (config validates them first). */
export function parseTrustedProxies(list: string | readonly string[]): TrustedProxies {
  const blocks = new BlockList();
  for (const entry of splitList(list)) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error(`Not an IP address or CIDR range: ${entry}`);
    if (parsed.prefix === null) blocks.addAddress(parsed.ip, parsed.family);
    else blocks.addSubnet(parsed.ip, parsed.prefix, parsed.family);
  }
  return {
    contains(ip) {
      const n = normalise(ip);
      return n !== null && blocks.check(n, isIP(n) === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy;
 * then the right-most X-Forwarded-For hop that is not itself trusted (hops
 * to its left were written by the client and prove nothing). With every hop
 * trusted the request began inside the trusted network: the furthest hop.
 * No socket address means "unknown", never a header value.
 */
export function clientIpFrom(input: { socketIp: string | null | undefined; forwardedFor: string | null | undefined; trustedProxies: TrustedProxies }): string {
  const socketIp = input.socketIp ? normalise(input.socketIp) : null;
  if (!socketIp) return UNKNOWN_IP;
  if (!input.trustedProxies.contains(socketIp)) return socketIp;
  const hops = (input.forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  let furthest = socketIp;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalise(hops[i]!);
    // A hop that is not an address was not written by a proxy we trust: stop believing the header.
    if (!hop) return furthest;
    if (!input.trustedProxies.contains(hop)) return hop;
    furthest = hop;
  }
  return furthest;
}

let cached: { key: string; matcher: TrustedProxies } | undefined;

/** clientIpFrom for a request's headers; `trusted` is config().trustedProxies (lib/request.ts passes it). */
export function clientIpFromHeaders(headers: Pick<Headers, "get">, trusted: readonly string[]): string {
  const key = trusted.join(",");
  if (cached?.key !== key) cached = { key, matcher: parseTrustedProxies(trusted) };
  return clientIpFrom({ socketIp: headers.get(SOCKET_IP_HEADER), forwardedFor: headers.get("x-forwarded-for"), trustedProxies: cached.matcher });
}
