/**
 * Every playground under content/playgrounds (lessons' and the troubleshooting
 * repros'): its starter files and its finished files (starter overlaid by
 * solution) each push to a fresh sandbox deployment — unless the starter is a
 * repro meant to fail on push (`"starterPushFails": true` in playground.json);
 * every check passes on the finished files; at least one fails on the starter.
 * Checks reach the deployment only through a CheckClient, as in the browser.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runChecks, type Check } from "../../src/lib/checks";
import { loadPlayground, playgroundIds } from "../../src/lib/playground/content";
import { createPlatformDeployment, type PlatformDeployment } from "../../src/sandbox/platform/attach";
import { IsolateExecutor } from "../../src/sandbox/runtime/executor/isolate/index";
import { deploymentCheckClient } from "./lib/deploymentCheckClient";
import { functionsFolder } from "./lib/functionsFolder";

const PLAYGROUNDS_DIR = resolve(import.meta.dirname, "../../content/playgrounds");
const CHECK_TIMEOUT_MS = 60_000;

function starterPushFails(id: string): boolean {
  const config = JSON.parse(readFileSync(resolve(PLAYGROUNDS_DIR, id, "playground.json"), "utf8"));
  return config.starterPushFails === true;
}

async function loadChecks(id: string): Promise<Check[]> {
  const module = await import(`../../content/playgrounds/${id}/checks.ts`);
  return module.default as Check[];
}

const open: PlatformDeployment[] = [];
const executors: IsolateExecutor[] = [];
/**
 * A fresh deployment for playground `id`. Troubleshooting repros (`ts-*`) run
 * in the isolate executor, with the memory cap the server gives every
 * function: a repro's broken code may loop or eat memory on purpose, which
 * the in-process executor would let take down this test process.
 */
async function freshDeployment(id: string): Promise<PlatformDeployment> {
  const executor = id.startsWith("ts-") ? new IsolateExecutor() : null;
  if (executor) executors.push(executor);
  const deployment = await createPlatformDeployment(executor ? { executor } : {});
  open.push(deployment);
  return deployment;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((deployment) => deployment.dispose()));
  for (const executor of executors.splice(0)) executor.dispose();
});

function pushErrors(result: Awaited<ReturnType<PlatformDeployment["push"]>>): string[] {
  return result.ok ? [] : result.errors.map((e) => `${e.file ?? "?"}:${e.line ?? "?"}: ${e.message}`);
}

for (const id of playgroundIds()) {
  describe(`playground ${id}`, () => {
    const playground = loadPlayground(id);
    const finished = playground.solution ?? playground.starter;
    const failsOnPush = starterPushFails(id);

    if (failsOnPush) {
      it("starter fails to push, as the repro intends", async () => {
        const result = await (await freshDeployment(id)).push(functionsFolder(playground.starter));
        expect(result.ok).toBe(false);
      });
    } else {
      it("starter pushes", async () => {
        const result = await (await freshDeployment(id)).push(functionsFolder(playground.starter));
        expect(pushErrors(result)).toEqual([]);
      });

      const run = playground.config.run;
      if (run) {
        // A repro may run an internal function on purpose (to show the error); a lesson never does.
        const visibilities = id.startsWith("ts-") ? ["public", "internal"] : ["public"];
        it(`the default run, ${run.path}, is a ${visibilities.join(" or ")} function of the starter`, async () => {
          const result = await (await freshDeployment(id)).push(functionsFolder(playground.starter));
          const paths = result.ok ? result.functions.filter((f) => visibilities.includes(f.visibility)).map((f) => f.path) : [];
          expect(paths).toContain(run.path.includes(":") ? run.path : `${run.path}:default`);
        });
      }
    }

    it("shows a live preview exactly when the starter has src/App.tsx", () => {
      expect(playground.config.preview === true).toBe("src/App.tsx" in playground.starter);
    });

    it("finished files push", async () => {
      const result = await (await freshDeployment(id)).push(functionsFolder(finished));
      expect(pushErrors(result)).toEqual([]);
    });

    if (!playground.hasChecks) return;

    it("every check passes on the finished files", { timeout: CHECK_TIMEOUT_MS }, async () => {
      const deployment = await freshDeployment(id);
      expect(pushErrors(await deployment.push(functionsFolder(finished)))).toEqual([]);
      const results = await runChecks(await loadChecks(id), deploymentCheckClient(deployment, deployment.siteUrl));
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((r) => !r.passed)).toEqual([]);
    });

    if (!failsOnPush) {
      it("at least one check fails on the starter", { timeout: CHECK_TIMEOUT_MS }, async () => {
        const deployment = await freshDeployment(id);
        expect(pushErrors(await deployment.push(functionsFolder(playground.starter)))).toEqual([]);
        const results = await runChecks(await loadChecks(id), deploymentCheckClient(deployment, deployment.siteUrl));
        expect(results.some((r) => !r.passed)).toBe(true);
      });
    }
  });
}
