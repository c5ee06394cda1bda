/**
 * Small helpers for the processes the scripts and the browser tests start:
 * a free port, logs kept in a file (and echoed with a name in front, if
 * asked), waiting until a port or URL answers, and stopping a process
 * politely, then firmly (also on Ctrl-C).
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True once the process has exited or was killed. */
export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Appends the child's output to `file`; with `echo`, also writes each line to this process's stdout as `[name] line`. */
export function keepLog(child: ChildProcess, name: string, file: string, echo: boolean): void {
  const out = fs.createWriteStream(file, { flags: "a" });
  let partial = "";
  const onData = (chunk: Buffer) => {
    out.write(chunk);
    if (!echo) return;
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  child.once("exit", () => out.end());
}

/** The last `lines` lines of a log file ("" if there is none). */
export function tail(file: string, lines = 30): string {
  if (!fs.existsSync(file)) return "";
  return fs.readFileSync(file, "utf8").split("\n").slice(-lines - 1).join("\n");
}

/** Polls until `check` resolves true; fails when the process exits first or the time is up. */
async function until(what: string, check: () => Promise<boolean>, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`${what}: the process exited (code ${child.exitCode ?? child.signalCode}) before it was ready`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} was not ready within ${Math.round(timeoutMs / 1000)} s`);
}

export function waitForPort(what: string, port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const open = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
  return until(what, open, child, timeoutMs);
}

export function waitForOk(what: string, url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const ok = async () => {
    try {
      return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok;
    } catch {
      return false;
    }
  };
  return until(what, ok, child, timeoutMs);
}

/** Sends `signal`, waits up to `graceMs` for the exit, then SIGKILL. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM", graceMs = 5_000): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
  await Promise.race([exited, timer]);
  if (!hasExited(child)) {
    child.kill("SIGKILL");
    await exited;
  }
}

/**
 * Ctrl-C (SIGINT) or SIGTERM stops what a script started, then exits 130.
 * Call before starting anything; hand each started thing's stop to the
 * returned `arm`. A signal during start-up is acted on as soon as the stop is
 * armed (the starter cleans up its own failures), and a second signal while
 * stopping does nothing, so a stop is never cut short.
 */
export function stopOnSignal(): (stop: () => Promise<void> | void) => void {
  const stops: (() => Promise<void> | void)[] = [];
  let signalled = false;
  let stopping = false;
  const run = async () => {
    if (stopping) return;
    stopping = true;
    console.error("\nStopping…");
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error("while stopping:", error);
      }
    }
    process.exit(130);
  };
  const onSignal = () => {
    signalled = true;
    if (stops.length) void run();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return (stop) => {
    stops.push(stop);
    if (signalled) void run();
  };
}
