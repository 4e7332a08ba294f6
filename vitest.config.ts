import { defineConfig } from "vitest/config";
import InterleaveSequencer from "./tests/setup/interleave-sequencer.ts";

/**
 * The pure layer, chosen by name: `*.unit.test.ts` files start no process, git repository, site
 * build or browser (`npm run test:unit`, the fast inner loop; tests/architecture/
 * unit-tests-spawn-nothing.unit.test.ts checks their imports). Any other `*.test.ts` is integration.
 */
const UNIT = ["tests/**/*.unit.test.ts"];
/** Files that drive Chromium (tests/helpers/browser.ts); their project starts one shared browser. */
const BROWSER = ["tests/**/*.browser.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Subprocess-heavy suites (git, the CLI, Chromium) share 2 cores; keep parallelism modest.
    maxWorkers: 2,
    // Longest files first, as vitest does, but never two browser files at once while others wait.
    sequence: { sequencer: InterleaveSequencer },
    projects: [
      // One worker process serves many files (no per-file startup): these tests share no state.
      { extends: true, test: { name: "unit", include: UNIT, isolate: false } },
      // Everything else: the real CLI, git repositories, site builds, local servers. These files
      // change no process-wide state (no env writes, chdir, mocks or fake timers), so a worker
      // serves many of them: the whole suite takes 5-10% less CPU than with a fresh worker per
      // file, and CPU is what decides its length on a busy machine. Each file still owns its temp
      // folders and servers; a file that needs process-wide state must restore it in afterAll.
      {
        extends: true,
        // A CLI process costs ~0.1 s of CPU, and seconds at load 25: tests with a dozen runs need room.
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: [...UNIT, ...BROWSER],
          isolate: false,
          testTimeout: 120_000,
          globalSetup: ["tests/setup/run-dir.ts"],
        },
      },
      // axe costs 1-2 s a page when quiet and up to 20 s at load 20: room for a busy machine.
      // A worker serves several browser files, as for integration: they connect to the shared
      // browser and keep their own contexts, servers and builds (decision 0186).
      {
        extends: true,
        test: {
          name: "browser",
          include: BROWSER,
          isolate: false,
          testTimeout: 120_000,
          globalSetup: ["tests/setup/run-dir.ts", "tests/setup/chromium.ts"],
        },
      },
    ],
  },
});
