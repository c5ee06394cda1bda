import { pingOutletCounter } from "@/lib/syndication/counter";

describe("pingOutletCounter", () => {
  it("requests the outlet's counter without the reader's cookies or referrer", async () => {
    const fetcher = jest.fn().mockResolvedValue(new Response("GIF", { status: 200 }));
    await expect(pingOutletCounter("https://counter.example.org/count/123.gif", fetcher)).resolves.toBe(true);
    expect(fetcher).toHaveBeenCalledTimes(1);
    const [url, init] = fetcher.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("https://counter.example.org/count/123.gif");
    expect(init.credentials).toBe("omit");
    expect(init.referrerPolicy).toBe("no-referrer");
    expect(init.headers).not.toHaveProperty("Cookie");
  });

  it("does nothing without a counter or for a non-web URL", async () => {
    const fetcher = jest.fn();
    await expect(pingOutletCounter(null, fetcher)).resolves.toBe(false);
    await expect(pingOutletCounter("javascript:alert(1)", fetcher)).resolves.toBe(false);
    await expect(pingOutletCounter("file:///etc/passwd", fetcher)).resolves.toBe(false);
    expect(fetcher).not.toHaveBeenCalled();
  });

  it("never throws when the outlet is down", async () => {
    const fetcher = jest.fn().mockRejectedValue(new Error("ECONNREFUSED"));
    await expect(pingOutletCounter("https://down.example.org/c.gif", fetcher)).resolves.toBe(false);
  });
});
