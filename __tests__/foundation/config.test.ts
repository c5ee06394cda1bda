import { spawnSync } from "node:child_process";
import path from "node:path";
import { loadConfig } from "@/lib/config";

describe("configuration", () => {
  it("has working defaults for a fresh machine", () => {
    const c = loadConfig({});
    expect(c.timeZone).toBe("Europe/London");
    expect(c.port).toBe(3000);
    expect(c.databasePath).toBe(path.resolve("data/newsroom.db"));
    expect(c.outboxDir).toBe(path.resolve("data/outbox"));
    expect(c.registrationRetentionDays).toBe(180);
    expect(c.siteUrl).toBe("http://localhost:3000");
    expect(loadConfig({ PORT: "4321" }).siteUrl).toBe("http://localhost:4321");
  });

  it("takes every value from the environment", () => {
    const c = loadConfig({ SITE_NAME: "Test U", SITE_TIME_ZONE: "America/New_York", PORT: "4100", SITE_URL: "https://news.test.ac.uk/", DATA_DIR: "/tmp/x" });
    expect(c.siteName).toBe("Test U");
    expect(c.timeZone).toBe("America/New_York");
    expect(c.port).toBe(4100);
    expect(c.siteUrl).toBe("https://news.test.ac.uk");
    expect(c.databasePath).toBe("/tmp/x/newsroom.db");
  });

  it.each([
    ["SITE_TIME_ZONE", "Mars/Olympus_Mons"],
    ["SITE_URL", "not a url"],
    ["SITE_PRIMARY_COLOUR", "blue"],
    ["PORT", "seventy"],
    ["SMTP_URL", "http://mail.example"],
    ["REGISTRATION_RETENTION_DAYS", "-3"],
    ["DATABASE_URL", "mysql://db.example/newsroom"],
    ["REDIS_URL", "localhost:6379"],
    ["PROXY_PURGE_URL", "nginx"],
    ["PROXY_PURGE_URL", "https://lb.example"],
    ["PROXY_PURGE_URL", "http://127.0.0.1:8080/purge"],
    ["DATABASE_POOL_SIZE", "-5"],
    ["DATABASE_POOL_SIZE", "lots"],
  ])("refuses a bad %s with a message naming it", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${name}`));
  });

  it("reads the settings for several instances: PostgreSQL, a shared uploads folder, Redis and the proxy to purge", () => {
    const c = loadConfig({
      DATABASE_URL: "postgres://newsroom@db.example:5432/newsroom",
      UPLOADS_DIR: "/srv/shared/uploads",
      REDIS_URL: "redis://cache.example:6379",
      PROXY_PURGE_URL: "http://127.0.0.1:8080/",
    });
    expect(c.databaseUrl).toBe("postgres://newsroom@db.example:5432/newsroom");
    expect(c.uploadsDir).toBe("/srv/shared/uploads");
    expect(c.redisUrl).toBe("redis://cache.example:6379");
    expect(c.proxyPurgeUrl).toBe("http://127.0.0.1:8080");
    const single = loadConfig({ DATA_DIR: "/tmp/x" });
    expect([single.databaseUrl, single.redisUrl, single.proxyPurgeUrl]).toEqual([undefined, undefined, undefined]);
    expect(single.uploadsDir).toBe("/tmp/x/uploads");
  });

  it("stops `npm start` with a message naming the bad variable", () => {
    const result = spawnSync(path.join(process.cwd(), "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/start.ts"], {
      env: { ...process.env, SITE_TIME_ZONE: "Nowhere/Special", NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/SITE_TIME_ZONE: must be an IANA time zone/);
  }, 60_000);
});
