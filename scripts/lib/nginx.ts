/**
 * nginx in front of the portal's instances for `npm run cluster`: load
 * balancer and shared page cache, run as the current user from a prefix of
 * its own (config, pid, logs, temp files and cache in one temp dir).
 * docs/deploy.md shows the config this writes and explains each part.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { keepLog, stopChild, waitForPort } from "./child";

const NGINX = "/usr/sbin/nginx";
const PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so";

export type NginxOptions = {
  /** The folder nginx runs from: pid, logs, temp files, cache. */
  dir: string;
  /** Where it listens (loopback). */
  port: number;
  /** The portal instances, e.g. ["127.0.0.1:3001", "127.0.0.1:3002"]. */
  upstreams: string[];
  /**
   * For `npm run bench:cluster` only, never in production: a request carrying the bench's
   * `x-newsroom-cache-miss` header (scripts/server.ts MISS_HEADER) neither reads nor fills
   * nginx's cache and goes to an instance header and all, so each one is a render there.
   */
  passMisses?: boolean;
};

/**
 * The whole config. Public pages are cached as the portal's Cache-Control
 * says (s-maxage, stale-while-revalidate; `private, no-store` is never
 * stored); a request with a session cookie, a POST or a Next data request
 * neither reads nor fills the cache. The key is "<encoding>|<raw request
 * URI>", the encoding one of br, gzip or identity, and that is the
 * Accept-Encoding the instance is asked for, so each stored copy is one
 * encoding and Vary can be ignored. lib/page-cache/purge-bus.ts purges a
 * page with GET /_purge/<encoding><raw request URI>; the key to drop is
 * taken from $request_uri (not the decoded, slash-merged $uri the location
 * matched), so it is byte for byte the key the page was stored under.
 */
export function nginxConfig({ dir, port, upstreams, passMisses = false }: NginxOptions): string {
  const skipCache = ["$newsroom_session", "$newsroom_write", "$http_rsc", "$http_next_action", "$arg__rsc", ...(passMisses ? ["$http_x_newsroom_cache_miss"] : [])].join(" ");
  const runAs = process.getuid?.() === 0 ? `user ${os.userInfo().username};\n` : "";
  const servers = upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=10s;`).join("\n");
  return `load_module ${PURGE_MODULE};
${runAs}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;

events {
  worker_connections 1024;
}

http {
  log_format newsroom '$remote_addr "$request" $status $body_bytes_sent cache=$upstream_cache_status upstream=$upstream_addr $request_time';
  access_log ${dir}/access.log newsroom;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  server_tokens off;
  # Media uploads: 10 MB images (the portal's own limit is 12 MB a form).
  client_max_body_size 12m;

  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=newsroom:10m max_size=1g inactive=10m use_temp_path=off;

  # One cached copy per encoding the portal makes.
  map $http_accept_encoding $newsroom_encoding {
    default identity;
    "~*(^|[\\s,])br($|[\\s,;])" br;
    "~*(^|[\\s,])gzip($|[\\s,;])" gzip;
  }
  # Signed-in staff (Auth.js session cookie, possibly split into .0, .1, ...).
  map $http_cookie $newsroom_session {
    default "";
    "~(^|;\\s*)(__Secure-)?authjs\\.session-token(\\.\\d+)?=" 1;
  }
  map $request_method $newsroom_write {
    GET "";
    HEAD "";
    default 1;
  }
  # The stored key of a purge request, from the raw request line.
  map $request_uri $newsroom_purge_key {
    default "";
    "~^/_purge/(br|gzip|identity)(/.*)$" "$1|$2";
  }

  upstream newsroom {
${servers}
    keepalive 32;
  }

  server {
    listen 127.0.0.1:${port};
    server_name localhost;

    # lib/page-cache/purge-bus.ts: GET /_purge/<encoding><request URI> drops that copy (200; 404 if none).
    location ~ ^/_purge/(br|gzip|identity)(/.*)$ {
      allow 127.0.0.1;
      deny all;
      proxy_cache_purge newsroom $newsroom_purge_key;
    }

    location / {
      proxy_pass http://newsroom;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      # Tells the instance this page may be stored here, so it records the URL for purging.
      proxy_set_header X-Newsroom-Proxy 1;
      proxy_set_header Accept-Encoding $newsroom_encoding;
      # An instance that is down (connection refused, no answer) is skipped; a request it began is not repeated.
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;

      proxy_cache newsroom;
      proxy_cache_key "$newsroom_encoding|$request_uri";
      proxy_ignore_headers Vary;
      proxy_cache_bypass ${skipCache};
      proxy_no_cache ${skipCache};
      # Within stale-while-revalidate a stale copy is served while one request refreshes it;
      # with every instance down, the last copy is served rather than an error.
      proxy_cache_background_update on;
      proxy_cache_use_stale error timeout http_500 http_502 http_503 http_504;
      proxy_cache_lock on;
      proxy_cache_revalidate on;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;
}

export type Nginx = {
  url: string;
  confFile: string;
  process: ChildProcess;
  /** Rewrites the upstream block and reloads nginx (its cache stays); resolves once only new workers are left. */
  setUpstreams: (upstreams: string[]) => Promise<void>;
  stop: () => Promise<void>;
};

/** The pids of nginx's worker processes (not its cache manager or loader), old ones still shutting down included. */
function workerPids(masterPid: number): number[] {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(masterPid)], { encoding: "utf8" });
  return out.split("\n").filter((line) => line.includes("worker process")).map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Writes the config into options.dir, checks it (nginx -t), starts nginx in the foreground and waits for its port. */
export async function startNginx(options: NginxOptions & { echo?: boolean }): Promise<Nginx> {
  if (!fs.existsSync(NGINX)) throw new Error("nginx is not installed: apt-get install -y nginx libnginx-mod-http-cache-purge");
  if (!fs.existsSync(PURGE_MODULE)) throw new Error("nginx's cache-purge module is not installed: apt-get install -y libnginx-mod-http-cache-purge");
  const { dir, port } = options;
  fs.mkdirSync(path.join(dir, "temp"), { recursive: true });
  const confFile = path.join(dir, "nginx.conf");
  fs.writeFileSync(confFile, nginxConfig(options));
  const args = ["-p", dir, "-c", confFile];
  try {
    execFileSync(NGINX, [...args, "-t", "-q"], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`nginx refused the config ${confFile}:\n${String((error as { stderr?: Buffer }).stderr ?? error)}`);
  }
  const child = spawn(NGINX, [...args, "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  keepLog(child, "nginx", path.join(dir, "nginx.out"), options.echo ?? false);
  // SIGTERM: fast shutdown (SIGQUIT would wait for keep-alive connections to close).
  const stop = () => stopChild(child, "SIGTERM", 3_000);
  try {
    await waitForPort("nginx", port, child, 10_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : ""}`);
  }
  const setUpstreams = async (upstreams: string[]) => {
    fs.writeFileSync(confFile, nginxConfig({ ...options, upstreams }));
    execFileSync(NGINX, [...args, "-t", "-q"], { stdio: "pipe" });
    const before = workerPids(child.pid!);
    child.kill("SIGHUP");
    const deadline = Date.now() + 15_000;
    for (;;) {
      const now = workerPids(child.pid!);
      if (now.length > 0 && now.every((pid) => !before.includes(pid))) return;
      if (Date.now() > deadline) throw new Error(`nginx did not finish reloading ${confFile} within 15 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { url: `http://localhost:${port}`, confFile, process: child, setUpstreams, stop };
}
