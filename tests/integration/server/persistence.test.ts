import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConvexHttpClient } from "convex/browser";
import { afterAll, describe, expect, it } from "vitest";
import { exited, startChildServer, type ChildServer } from "./child-process.ts";
import { api, COUNTER_FILES } from "./fixtures.ts";

const dataDir = mkdtempSync(join(tmpdir(), "sandbox-crash-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function startChild(): Promise<ChildServer> {
  const server = await startChildServer(dataDir);
  children.push(server.child);
  return server;
}

describe("persistence", () => {
  it("keeps every acknowledged mutation, the sandboxes and their keys through kill -9", async () => {
    const first = await startChild();
    // A sandbox created through the admin API, with data, must come back too.
    const created = (await (await fetch(first.cloudUrl + "/api/sandboxes", { method: "POST" })).json()) as {
      id: string;
      url: string;
      adminKey: string;
    };
    await fetch(created.url + "/api/sandbox/push", {
      method: "POST",
      headers: { Authorization: `Convex ${created.adminKey}` },
      body: JSON.stringify({ files: COUNTER_FILES }),
    });
    await new ConvexHttpClient(created.url).mutation(api.counters.addNote, { text: "in the sandbox" });

    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 16 }, async (_, w) => {
      const client = new ConvexHttpClient(first.cloudUrl);
      for (let i = 0; !stop; i++) {
        const text = `w${w}-${i}`;
        try {
          await client.mutation(api.counters.addNote, { text });
          acknowledged.push(text);
        } catch {
          return; // the server died mid-request: this one was never acknowledged
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    first.child.kill("SIGKILL");
    stop = true;
    await Promise.all(writers);
    await exited(first.child);
    expect(acknowledged.length).toBeGreaterThan(10);

    const second = await startChild();
    expect(second.adminKey).toBe(first.adminKey);
    const notes = await new ConvexHttpClient(second.cloudUrl).query(api.counters.notes, {});
    const stored = new Set(notes);
    const missing = acknowledged.filter((t) => !stored.has(t));
    expect(missing).toEqual([]);
    const sandboxUrl = created.url.replace(first.cloudUrl, second.cloudUrl);
    expect(await new ConvexHttpClient(sandboxUrl).query(api.counters.notes, {})).toEqual(["in the sandbox"]);
    const wrongKey = await fetch(sandboxUrl + "/api/sandbox/reset", { method: "POST", headers: { Authorization: "Convex nope" } });
    expect(wrongKey.status).toBe(403);
    const rightKey = await fetch(sandboxUrl + "/api/sandbox/reset", { method: "POST", headers: { Authorization: `Convex ${created.adminKey}` } });
    expect(rightKey.status).toBe(200);
    second.child.kill("SIGKILL");
    await exited(second.child);
  }, 60_000);
});
