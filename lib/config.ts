/**
 * The one place configuration is read. Every value comes from an
 * environment variable (listed in README.md and .env.example) and is
 * validated once; a bad value throws a message naming the variable.
 * Deliberately not "server-only": the seed and start scripts import it too.
 */
import path from "node:path";
import { z } from "zod";
import { databasePathFrom } from "@/db/paths";
import { invalidProxyEntries } from "@/lib/http/client-ip";

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour such as #1d3557");

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Europe/London");

const schema = z.object({
  SITE_NAME: z.string().min(1).default("University of Harrowgate"),
  SITE_SHORT_NAME: z.string().min(1).default("Harrowgate"),
  SITE_URL: z.url("must be an absolute URL such as https://news.example.ac.uk").optional(),
  SITE_TIME_ZONE: timeZone.default("Europe/London"),
  SITE_PRIMARY_COLOUR: colour.default("#1d3557"),
  SITE_ACCENT_COLOUR: colour.default("#b5121b"),
  MEDIA_EMAIL: z.email("must be an e-mail address").default("press@harrowgate.ac.uk"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_PATH: z.string().min(1).optional(),
  // postgres://user:password@host:5432/newsroom: PostgreSQL instead of the SQLite file (db/dialect.ts).
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (unset for the SQLite file)").optional(),
  // Uploaded images and captions; several instances share one mounted folder (docs/deploy.md).
  UPLOADS_DIR: z.string().min(1).optional(),
  // redis://host:6379: page-cache purges reach every instance (lib/page-cache/purge-bus.ts).
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional(),
  // The proxy cache's purge endpoint (nginx with the cache-purge module), e.g. http://127.0.0.1:8080:
  // plain HTTP to a host and port, as purge-bus.ts speaks it (a path or https:// would be ignored there).
  PROXY_PURGE_URL: z
    .string()
    .regex(/^http:\/\/[^/?#\s]+\/?$/, "must be http://host:port, such as http://127.0.0.1:8080 (plain HTTP, no path)")
    .pipe(z.url("must be http://host:port, such as http://127.0.0.1:8080 (plain HTTP, no path)"))
    .optional(),
  // Connections each server keeps to PostgreSQL (db/client.ts reads it when it opens the pool).
  DATABASE_POOL_SIZE: z.coerce.number().int("must be a whole number").min(1).max(1000).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().min(3).default("Harrowgate Newsroom <newsroom@harrowgate.ac.uk>"),
  REGISTRATION_RETENTION_DAYS: z.coerce.number().int("must be a whole number").min(1).max(3650).default(180),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Comma-separated addresses/CIDR ranges of reverse proxies whose X-Forwarded-For is believed.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((v, ctx) => {
      const bad = invalidProxyEntries(v);
      if (bad.length) ctx.addIssue({ code: "custom", message: `not an IP address or CIDR range: ${bad.join(", ")}` });
    }),
  // Bytes of rendered pages (with their gzip and brotli copies) the page cache may hold.
  PAGE_CACHE_BYTES: z.coerce.number().int("must be a whole number of bytes").min(1_048_576, "must be at least 1048576 (1 MB)").max(8_589_934_592).default(67_108_864),
  // "server": story views are counted as the server sends story pages; "beacon": a proxy or CDN in front
  // serves the pages, so each page carries a 1×1 no-store image and only that image counts.
  VIEW_COUNTING: z.enum(["server", "beacon"], "must be server or beacon").default("server"),
});

export type Config = ReturnType<typeof buildConfig>;

type Env = Record<string, string | undefined>;

function buildConfig(env: Env) {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    siteName: c.SITE_NAME,
    siteShortName: c.SITE_SHORT_NAME,
    // Unset, the site is wherever `npm start` serves it.
    siteUrl: (c.SITE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ""),
    timeZone: c.SITE_TIME_ZONE,
    colours: { primary: c.SITE_PRIMARY_COLOUR, accent: c.SITE_ACCENT_COLOUR },
    mediaEmail: c.MEDIA_EMAIL,
    dataDir,
    databasePath: databasePathFrom(blankless),
    databaseUrl: c.DATABASE_URL,
    uploadsDir: c.UPLOADS_DIR ? path.resolve(c.UPLOADS_DIR) : path.join(dataDir, "uploads"),
    redisUrl: c.REDIS_URL,
    proxyPurgeUrl: c.PROXY_PURGE_URL?.replace(/\/$/, ""),
    outboxDir: path.join(dataDir, "outbox"),
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    registrationRetentionDays: c.REGISTRATION_RETENTION_DAYS,
    port: c.PORT,
    pageCacheBytes: c.PAGE_CACHE_BYTES,
    viewCounting: c.VIEW_COUNTING,
    trustedProxies: c.TRUSTED_PROXIES.split(",").map((e) => e.trim()).filter(Boolean),
  };
}

/** Exposed for tests of the validation itself. */
export function loadConfig(env: Env = process.env): Config {
  return buildConfig(env);
}

/** For the start scripts: a bad configuration ends the process with its message, not a stack trace. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

let current: Config | undefined;

/** The process-wide configuration, validated on first use. */
export function config(): Config {
  current ??= buildConfig(process.env);
  return current;
}
