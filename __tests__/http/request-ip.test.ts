import { clientIp } from "@/lib/request";
import { setRequestHeaders } from "../helpers/stubs/next-headers";

describe("clientIp() (server actions and route handlers)", () => {
  it("ignores a client-written X-Forwarded-For: rotating it does not change the rate-limit key", async () => {
    setRequestHeaders({ "x-newsroom-socket-ip": "203.0.113.5", "x-forwarded-for": "198.51.100.1" });
    await expect(clientIp()).resolves.toBe("203.0.113.5");
    setRequestHeaders({ "x-newsroom-socket-ip": "203.0.113.5", "x-forwarded-for": "198.51.100.2" });
    await expect(clientIp()).resolves.toBe("203.0.113.5");
  });

  it("is unknown without the server's socket header, whatever X-Forwarded-For or X-Real-IP say", async () => {
    setRequestHeaders({ "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.3" });
    await expect(clientIp()).resolves.toBe("unknown");
  });
});
