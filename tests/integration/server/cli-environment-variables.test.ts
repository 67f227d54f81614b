/**
 * Environment variables from the command line: `npm run sandbox -- --dir …
 * --env-file … --env NAME=value`, then the genuine `npx convex env` commands
 * (self-hosted settings: the deployment URL and admin key) against that
 * server, and the refusal of a bad `--env`.
 */
import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { afterAll, describe, expect, it } from "vitest";
import { waitFor } from "./counter-app.ts";
import { exited } from "./child-process.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const CLI = join(root, "src/sandbox/server/cli.ts");
const CONVEX_CLI = join(root, "node_modules/convex/bin/main.js");
const project = mkdtempSync(join(tmpdir(), "sandbox-cli-env-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const run = promisify(execFile);

function startCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", CLI, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  const output = { text: "" };
  child.stdout!.on("data", (c: Buffer) => (output.text += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output.text += c.toString()));
  return { child, output };
}

describe("npm run sandbox -- --env / --env-file", () => {
  it("starts the --dir deployment with the variables, which `npx convex env` then lists, sets and removes", async () => {
    const folder = join(project, "convex");
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, "env.ts"),
      `import { query } from "./_generated/server";\nexport const read = query({ args: {}, handler: async () => ({ a: process.env.FROM_FILE ?? null, b: process.env.FROM_FLAG ?? null, c: process.env.SET_BY_CLI ?? null }) });\n`,
    );
    writeFileSync(join(project, ".env.sandbox"), `# comment\nFROM_FILE="line one\\nline two"\nFROM_FLAG=overridden\n`);
    // The Convex CLI wants a project that depends on `convex`.
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "env-project", private: true, dependencies: { convex: "1.48.0" } }));
    mkdirSync(join(project, "node_modules"));
    symlinkSync(join(root, "node_modules/convex"), join(project, "node_modules/convex"), "dir");

    const { child, output } = startCli([
      "--dir", folder, "--port", "0", "--data-dir", "none", "--no-watch",
      "--env-file", join(project, ".env.sandbox"), "--env", "FROM_FLAG=flag value",
    ]);
    try {
      await waitFor(() => output.text.includes("Convex functions ready!"), 30_000, "the first push");
      expect(output.text).toContain("Environment variables set:       FROM_FILE, FROM_FLAG");
      const url = /Deployment URL \(API, WebSocket\): (\S+)/.exec(output.text)![1];
      const adminKey = /Admin key: +(\S+)/.exec(output.text)![1];
      const client = new ConvexHttpClient(url);
      expect(await client.query(anyApi.env.read, {})).toEqual({ a: "line one\nline two", b: "flag value", c: null });

      const convex = (...args: string[]) =>
        run(process.execPath, [CONVEX_CLI, "env", ...args], {
          cwd: project,
          env: { ...process.env, CONVEX_SELF_HOSTED_URL: url, CONVEX_SELF_HOSTED_ADMIN_KEY: adminKey, CONVEX_DEPLOYMENT: "" },
          timeout: 60_000,
        });
      const set = await convex("set", "SET_BY_CLI", "from npx convex env");
      expect(set.stderr).toContain("Successfully set SET_BY_CLI");
      expect(await client.query(anyApi.env.read, {})).toEqual({ a: "line one\nline two", b: "flag value", c: "from npx convex env" });
      expect((await convex("get", "FROM_FLAG")).stdout.trim()).toBe("flag value");
      expect((await convex("list", "--names-only")).stdout.trim().split("\n")).toEqual(["FROM_FILE", "FROM_FLAG", "SET_BY_CLI"]);
      expect((await convex("list", "--include-values")).stdout.trim()).toBe("FROM_FILE='line one\nline two'\nFROM_FLAG=flag value\nSET_BY_CLI=from npx convex env");
      // `env set --from-file` compares with the listed documents: an unchanged value is skipped, a new one set.
      writeFileSync(join(project, ".env.more"), "FROM_FLAG=flag value\nMORE=1\n");
      await convex("set", "--from-file", join(project, ".env.more"));
      expect((await convex("get", "MORE")).stdout.trim()).toBe("1");
      await convex("remove", "MORE");
      await convex("remove", "SET_BY_CLI");
      expect(await client.query(anyApi.env.read, {})).toEqual({ a: "line one\nline two", b: "flag value", c: null });
    } finally {
      child.kill("SIGTERM");
      await exited(child);
    }
  }, 120_000);

  it("lists the flags in --help", async () => {
    const help = startCli(["--help"]);
    await exited(help.child);
    expect(help.output.text).toContain("--env NAME=value");
    expect(help.output.text).toContain("--env-file <path>");
    expect(help.output.text).toContain("SANDBOX_ENV_FILE");
  }, 60_000);

  it("refuses a bad variable name (flag or file) with Convex's text, a missing --env-file, and --env without --dir", async () => {
    const bad = startCli(["--dir", join(project, "convex"), "--port", "0", "--data-dir", "none", "--no-watch", "--env", "my-key=1"]);
    await exited(bad.child);
    expect(bad.child.exitCode).toBe(1);
    expect(bad.output.text).toContain("The environment variable name my-key is invalid.");

    writeFileSync(join(project, ".env.bad"), "GOOD=1\nmy-key=2\n");
    const badInFile = startCli(["--dir", join(project, "convex"), "--port", "0", "--data-dir", "none", "--no-watch", "--env-file", join(project, ".env.bad")]);
    await exited(badInFile.child);
    expect(badInFile.child.exitCode).toBe(1);
    expect(badInFile.output.text).toContain("The environment variable name my-key is invalid.");

    // Through SANDBOX_ENV_FILE: Node 20 itself checks that a `--env-file` argument names an existing file, even after the script.
    const missing = startCli(["--dir", join(project, "convex"), "--port", "0", "--data-dir", "none", "--no-watch"], { SANDBOX_ENV_FILE: join(project, "missing.env") });
    await exited(missing.child);
    expect(missing.child.exitCode).toBe(2);
    expect(missing.output.text).toContain(`✖ --env-file: file not found: ${join(project, "missing.env")}`);
    const directory = startCli(["--dir", join(project, "convex"), "--port", "0", "--data-dir", "none", "--no-watch"], { SANDBOX_ENV_FILE: project });
    await exited(directory.child);
    expect(directory.child.exitCode).toBe(2);
    expect(directory.output.text).toContain(`✖ --env-file: cannot read ${project}: EISDIR`);

    const noDir = startCli(["--port", "0", "--data-dir", "none", "--env", "A=1"]);
    await exited(noDir.child);
    expect(noDir.child.exitCode).toBe(2);
    expect(noDir.output.text).toContain("--env and --env-file set the variables of the root deployment: they need --dir");
  }, 60_000);
});
