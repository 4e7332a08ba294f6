import { defineConfig } from "vitest/config";

/**
 * The pure layer: in-process tests that start no process, git repository, site build or browser
 * (`npm run test:unit`, the fast inner loop). A new test that spawns nothing belongs here.
 */
const UNIT = [
  "tests/adoption/decisions-index.test.ts",
  "tests/adoption/no-root-records.test.ts",
  "tests/adoption/shared-workers.test.ts",
  "tests/architecture/module-map.test.ts",
  "tests/authoring/pure-helpers.test.ts",
  "tests/compiled-validators.test.ts",
  "tests/core/**/*.test.ts",
  "tests/deploy/fresh-until.test.ts",
  "tests/deploy/build-clock.test.ts",
  "tests/github/plan.test.ts",
  "tests/github/pr-summary-mentions.test.ts",
  "tests/github/workflows.test.ts",
  "tests/import/imported-history.test.ts",
  "tests/github/workflow-edges.test.ts",
  "tests/deploy/unreadable-alert.test.ts",
  "tests/history/parse-log.test.ts",
  "tests/init/answer-loop.test.ts",
  "tests/merge/merge-record.test.ts",
  "tests/metrics/statistics.test.ts",
  "tests/model/**/*.test.ts",
  "tests/notify/channel-text.test.ts",
  "tests/notify/webhook-signature.test.ts",
  "tests/oncall/final-schedule.test.ts",
  "tests/publish/**/*.test.ts",
  "tests/records/**/*.test.ts",
  "tests/site/bars.test.ts",
  "tests/site/card-components.test.ts",
  "tests/site/dashboard-axes.test.ts",
  "tests/site/site-data.test.ts",
  "tests/status/**/*.test.ts",
  "tests/validate-docs-rules.test.ts",
  "tests/validate/broken-corpus.test.ts",
  "tests/validate/closest.test.ts",
];
/** Files that drive Chromium (tests/helpers/browser.ts); their project starts one shared browser. */
const BROWSER = ["tests/**/*.browser.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Subprocess-heavy suites (git, the CLI, Chromium) share 2 cores; keep parallelism modest.
    maxWorkers: 2,
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
        test: { name: "integration", include: ["tests/**/*.test.ts"], exclude: [...UNIT, ...BROWSER], isolate: false, testTimeout: 120_000, globalSetup: ["tests/setup/run-dir.ts"] },
      },
      // axe costs 1-2 s a page when quiet and up to 20 s at load 20: room for a busy machine.
      { extends: true, test: { name: "browser", include: BROWSER, testTimeout: 120_000, globalSetup: ["tests/setup/run-dir.ts", "tests/setup/chromium.ts"] } },
    ],
  },
});
