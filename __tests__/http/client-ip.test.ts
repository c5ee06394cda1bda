import { clientIpFrom, clientIpFromHeaders, parseTrustedProxies, SOCKET_IP_HEADER } from "@/lib/http/client-ip";
import { loadConfig } from "@/lib/config";

describe("clientIpFrom", () => {
  const trustedProxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.1, fd00::/8");

  it("uses the socket address and ignores X-Forwarded-For from a client that is not a trusted proxy", () => {
    expect(clientIpFrom({ socketIp: "203.0.113.5", forwardedFor: "198.51.100.1", trustedProxies })).toBe("203.0.113.5");
    expect(clientIpFrom({ socketIp: "203.0.113.5", forwardedFor: "198.51.100.1", trustedProxies: parseTrustedProxies("") })).toBe("203.0.113.5");
  });

  it("behind a trusted proxy takes the right-most hop that is not itself trusted", () => {
    // The client wrote "1.1.1.1" itself; the proxies appended the address they saw.
    expect(clientIpFrom({ socketIp: "10.0.0.2", forwardedFor: "1.1.1.1, 203.0.113.5, 10.0.0.7", trustedProxies })).toBe("203.0.113.5");
    expect(clientIpFrom({ socketIp: "192.0.2.1", forwardedFor: "203.0.113.9", trustedProxies })).toBe("203.0.113.9");
  });

  it("understands IPv6 and IPv4-mapped socket addresses", () => {
    expect(clientIpFrom({ socketIp: "::ffff:10.1.2.3", forwardedFor: "203.0.113.5", trustedProxies })).toBe("203.0.113.5");
    expect(clientIpFrom({ socketIp: "fd12::1", forwardedFor: "2001:db8::1", trustedProxies })).toBe("2001:db8::1");
    expect(clientIpFrom({ socketIp: "::ffff:203.0.113.8", forwardedFor: "1.1.1.1", trustedProxies })).toBe("203.0.113.8");
  });

  it("behind a trusted proxy with every hop trusted takes the furthest hop; with no usable header, the proxy itself", () => {
    expect(clientIpFrom({ socketIp: "10.0.0.2", forwardedFor: null, trustedProxies })).toBe("10.0.0.2");
    expect(clientIpFrom({ socketIp: "10.0.0.2", forwardedFor: "10.0.0.3", trustedProxies })).toBe("10.0.0.3");
    expect(clientIpFrom({ socketIp: "10.0.0.2", forwardedFor: "not-an-ip", trustedProxies })).toBe("10.0.0.2");
  });

  it("says unknown when the socket address is missing, never the X-Forwarded-For value", () => {
    expect(clientIpFrom({ socketIp: null, forwardedFor: "198.51.100.1", trustedProxies })).toBe("unknown");
    expect(clientIpFrom({ socketIp: "", forwardedFor: "198.51.100.1", trustedProxies })).toBe("unknown");
  });
});

describe("clientIpFromHeaders", () => {
  it("reads the socket address the server stamped, not X-Forwarded-For or X-Real-IP", () => {
    const h = new Headers({ [SOCKET_IP_HEADER]: "203.0.113.5", "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" });
    expect(clientIpFromHeaders(h, [])).toBe("203.0.113.5");
    expect(clientIpFromHeaders(new Headers({ [SOCKET_IP_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.1" }), ["10.0.0.0/8"])).toBe("198.51.100.1");
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" }), [])).toBe("unknown");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("defaults to none and rejects entries that are not addresses or CIDR ranges", () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: "10.0.0.0/8,::1" }).trustedProxies).toEqual(["10.0.0.0/8", "::1"]);
    expect(() => loadConfig({ TRUSTED_PROXIES: "10.0.0.0/8,proxy.local" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadConfig({ TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
  });
});
