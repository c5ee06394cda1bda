/**
 * runExclusive (db/client.ts), what Job.once jobs run through: publishing
 * due stories, reminders, the retention purge. On PostgreSQL one holder at
 * a time across every instance, and an instance killed mid-job leaves the
 * job to the next; on SQLite (one server process) the job just runs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { getDb, isPg, runExclusive } from "@/db/client";
import { childDatabaseEnv } from "../helpers/child-env";
import { freshDbPerTest } from "../helpers/db";

freshDbPerTest();

/** A job body that runs until `finish()` is called; `started` resolves when it has begun. */
function heldJob() {
  let finish!: () => void;
  let begin!: () => void;
  const started = new Promise<void>((resolve) => (begin = resolve));
  const body = () => {
    begin();
    return new Promise<void>((resolve) => (finish = resolve));
  };
  return { body, started, finish: () => finish() };
}

it("runs the job and says so", async () => {
  const ran: string[] = [];
  expect(await runExclusive("report", async () => void ran.push("report"))).toBe(true);
  expect(ran).toEqual(["report"]);
});

it("passes on the job's error and lets the next run have the job", async () => {
  await expect(runExclusive("failing", () => Promise.reject(new Error("mail server down")))).rejects.toThrow("mail server down");
  const ran: string[] = [];
  expect(await runExclusive("failing", async () => void ran.push("again"))).toBe(true);
  expect(ran).toEqual(["again"]);
});

if (isPg) {
  it("PostgreSQL: while one run holds a job, another skips it without running it; other jobs still run", async () => {
    const first = heldJob();
    const holding = runExclusive("publish-due", first.body);
    await first.started;
    const second = jest.fn(async () => undefined);
    expect(await runExclusive("publish-due", second)).toBe(false);
    expect(second).not.toHaveBeenCalled();
    expect(await runExclusive("reminders", async () => undefined)).toBe(true);
    first.finish();
    expect(await holding).toBe(true);
    expect(await runExclusive("publish-due", second)).toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("PostgreSQL: an instance killed in the middle of a job leaves it to the next", async () => {
    const job = "purge-registrations";
    const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "fixtures/hold-job.ts")], {
      env: { ...process.env, ...(await childDatabaseEnv(getDb())), JOB: job },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const said = await new Promise<string>((resolve, reject) => {
        child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
        child.once("exit", (code, signal) => reject(new Error(`the instance stopped before its job began (exit ${code ?? signal})`)));
      });
      expect(said).toBe("running");
      const body = jest.fn(async () => undefined);
      expect(await runExclusive(job, body)).toBe(false);

      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      // The server ends the dead instance's session, and its lock with it, once it sees the socket close.
      const deadline = Date.now() + 10_000;
      while (!(await runExclusive(job, body)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(body).toHaveBeenCalledTimes(1);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }, 30_000);
}
