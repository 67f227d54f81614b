/**
 * Build-time loader for `content/playgrounds/<id>/`: playground.json, starter/**,
 * solution/** and whether checks.ts exists. Runs only while Astro renders pages.
 */
import type { FileMap, PlaygroundConfig, PlaygroundDefinition } from "./types";

const rawFiles = import.meta.glob("/content/playgrounds/**/*", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

const ROOT = "/content/playgrounds/";

function filesUnder(id: string, folder: "starter" | "solution"): FileMap {
  const prefix = `${ROOT}${id}/${folder}/`;
  const files: FileMap = {};
  for (const [path, text] of Object.entries(rawFiles)) {
    if (path.startsWith(prefix)) files[path.slice(prefix.length)] = text;
  }
  return files;
}

export function playgroundIds(): string[] {
  const ids = new Set<string>();
  for (const path of Object.keys(rawFiles)) {
    const id = path.slice(ROOT.length).split("/")[0];
    if (id) ids.add(id);
  }
  return [...ids].sort();
}

function parseConfig(id: string): PlaygroundConfig {
  const text = rawFiles[`${ROOT}${id}/playground.json`];
  if (text === undefined) {
    const known = playgroundIds();
    throw new Error(
      `Playground "${id}" not found: expected content/playgrounds/${id}/playground.json.` +
        (known.length ? ` Known playgrounds: ${known.join(", ")}.` : ""),
    );
  }
  let json: any;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`content/playgrounds/${id}/playground.json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json.title !== "string" || typeof json.open !== "string") {
    throw new Error(`content/playgrounds/${id}/playground.json needs string fields "title" and "open".`);
  }
  return { title: json.title, open: json.open, run: json.run, preview: json.preview === true };
}

export function loadPlayground(id: string): PlaygroundDefinition {
  const config = parseConfig(id);
  const starter = filesUnder(id, "starter");
  if (Object.keys(starter).length === 0) {
    throw new Error(`Playground "${id}" has no files under content/playgrounds/${id}/starter/.`);
  }
  if (!(config.open in starter)) {
    throw new Error(`Playground "${id}": "open" names ${config.open}, which is not in starter/.`);
  }
  const solutionOnly = filesUnder(id, "solution");
  const solution = Object.keys(solutionOnly).length ? { ...starter, ...solutionOnly } : null;
  const hasChecks = `${ROOT}${id}/checks.ts` in rawFiles;
  return { id, config, starter, solution, hasChecks };
}
