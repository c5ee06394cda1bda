/**
 * The purge bus with Redis away (lib/page-cache/purge-bus.ts): an instance
 * still starts, its purges and proxy records fail at once instead of
 * queueing in memory, and it closes cleanly. (With Redis up, the cluster
 * test, npm run test:cluster, shows purges crossing instances.)
 */
import net from "node:net";
import { startPurgeBus } from "@/lib/page-cache/purge-bus";

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it("starts within a few seconds when Redis does not answer, drops its broadcasts and records at once, and closes", async () => {
  // Everything the bus logs (each reconnect attempt too) is kept here and checked below.
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const redisUrl = `redis://127.0.0.1:${await closedPort()}`;
    const remote: string[][] = [];
    const started = Date.now();
    const bus = await startPurgeBus({ redisUrl, instanceId: "a", onRemotePurge: (tags) => remote.push(tags), proxyKeepMs: 90_000 });
    expect(Date.now() - started).toBeLessThan(5_000);

    bus.broadcast(["stories"]);
    bus.remember("/news", ["stories"]);
    // The broadcast fails at once and says so.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(bus.close()).resolves.toBeUndefined();

    const said = errors.mock.calls.map((c) => c.join(" "));
    expect(said.some((line) => /not reachable within 2 s; starting without it/.test(line))).toBe(true);
    expect(said.some((line) => /publish failed: .*offline/i.test(line))).toBe(true);
    // Skipped, not queued: nothing was left waiting for Redis to be failed when the bus closed.
    expect(said.filter((line) => /remember failed/.test(line))).toEqual([]);
    expect(remote).toEqual([]);
  } finally {
    errors.mockRestore();
  }
}, 15_000);
