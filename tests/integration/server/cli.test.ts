import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConvexHttpClient } from "convex/browser";
import { afterAll, describe, expect, it } from "vitest";
import { exited } from "./child-process.ts";
import { api, waitFor } from "./counter-app.ts";

const CLI = join(dirname(fileURLToPath(import.meta.url)), "../../../src/sandbox/server/cli.ts");
const folder = mkdtempSync(join(tmpdir(), "sandbox-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("npm run sandbox -- --dir <folder>", () => {
  it("prints the URLs and admin key, serves the folder, and re-pushes on change with CLI-style errors", async () => {
    writeFileSync(join(folder, "greet.ts"), `import { query } from "./_generated/server";\nexport const hello = query({ args: {}, handler: async () => "hello" });\n`);
    const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", CLI, "--dir", folder, "--port", "0", "--data-dir", "none"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
    try {
      await waitFor(() => out.includes("Convex functions ready!"), 30_000, "first push");
      const url = /Deployment URL \(API, WebSocket\): (\S+)/.exec(out)![1];
      expect(out).toMatch(/Site URL \(HTTP actions\): +http:\/\/127\.0\.0\.1:\d+/);
      expect(out).toMatch(/Admin key: +local-sandbox\|[0-9a-f]{64}/);
      const client = new ConvexHttpClient(url);
      expect(await client.query(api.greet.hello, {})).toBe("hello");

      writeFileSync(join(folder, "broken.ts"), "export const = 1;\n");
      await waitFor(() => out.includes("Unable to push deployment config"), 10_000, "push error");
      expect(out).toContain("broken.ts:1:");
      expect(await client.query(api.greet.hello, {})).toBe("hello");

      rmSync(join(folder, "broken.ts"));
      writeFileSync(join(folder, "greet.ts"), `import { query } from "./_generated/server";\nexport const hello = query({ args: {}, handler: async () => "hello again" });\n`);
      await waitFor(() => (out.match(/Convex functions ready!/g) ?? []).length >= 2, 10_000, "re-push");
      let answer = "";
      for (let i = 0; i < 50 && answer !== "hello again"; i++) {
        answer = await client.query(api.greet.hello, {});
        if (answer !== "hello again") await new Promise((r) => setTimeout(r, 100));
      }
      expect(answer).toBe("hello again");
    } finally {
      child.kill("SIGTERM");
      await exited(child);
    }
  }, 60_000);
});
