import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Subprocess-heavy suites (git, the CLI, Chromium) share 2 cores; keep parallelism modest.
    maxWorkers: 2,
  },
});
