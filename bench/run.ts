/**
 * `npm run bench`: runs every suite in bench/suites (or the ones named on the
 * command line) in one process and prints their tables. Suites report ratios
 * measured within this one run, never absolute pass/fail thresholds.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface BenchSuite {
  /** Short title printed above the suite's output. */
  title: string;
  run(): Promise<void>;
}

const suitesDir = join(dirname(fileURLToPath(import.meta.url)), "suites");
const wanted = process.argv.slice(2);
const files = readdirSync(suitesDir)
  .filter((f) => f.endsWith(".ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

if (files.length === 0) {
  console.log("No benchmark suites found.");
}
for (const file of files) {
  const mod = (await import(pathToFileURL(join(suitesDir, file)).href)) as { default: BenchSuite };
  console.log(`\n## ${mod.default.title} (${file})\n`);
  await mod.default.run();
}
process.exit(0);
