import { defineConfig } from "vitest/config";

// Unit and integration tests. isolated-vm on Node 20 needs --no-node-snapshot,
// so every test worker is a forked process started with that flag.
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/content/**/*.test.ts"],
    pool: "forks",
    poolOptions: { forks: { execArgv: ["--no-node-snapshot"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
