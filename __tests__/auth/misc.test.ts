import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { safeEditorPath } from "@/lib/auth/redirect";
import { authSecret, readOrCreateSecret, resetAuthSecretCache } from "@/lib/auth/secret";

describe("safeEditorPath", () => {
  it.each([
    ["/editor", "/editor"],
    ["/editor/stories/12?tab=history", "/editor/stories/12?tab=history"],
    ["/editor/../api/auth/signout", "/editor"],
    ["//evil.example/editor", "/editor"],
    ["/\\evil.example", "/editor"],
    ["https://evil.example/editor", "/editor"],
    ["/news/x", "/editor"],
    ["/editorial", "/editor"],
    ["", "/editor"],
    [undefined, "/editor"],
  ])("%s → %s", (input, expected) => {
    expect(safeEditorPath(input)).toBe(expected);
  });
});

describe("authSecret", () => {
  const original = process.env.AUTH_SECRET;
  afterEach(() => {
    if (original === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = original;
    resetAuthSecretCache();
  });

  it("uses AUTH_SECRET when set", () => {
    process.env.AUTH_SECRET = "from-the-environment";
    expect(authSecret("/nonexistent")).toBe("from-the-environment");
  });

  it("otherwise generates one, stores it with mode 0600, and reuses it after a restart", () => {
    delete process.env.AUTH_SECRET;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secret-"));
    const first = authSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(40);
    const file = path.join(dir, "auth-secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    resetAuthSecretCache();
    expect(authSecret(dir)).toBe(first);
    expect(readOrCreateSecret(file)).toBe(first);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
