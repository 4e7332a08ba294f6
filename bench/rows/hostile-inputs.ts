// Hostile inputs (testkit/hostile-inputs.ts), timed: each made sitrep crash, hang or run for
// tens of seconds before it was bounded; the tests (tests/validate/bounded-corpus.test.ts,
// hostile-corpus.test.ts) check what each ends in, this says how long it takes. Two row sets:
// `sitrep validate` as a whole process on the test fixture repository with one hostile file
// added, beside the same repository without it (the floor); and the Markdown renderer in this
// process on each hostile text, beside a normal postmortem body (the floor). Target: no render
// over 1 s, and no validate more than 1 s over its floor (the process start is in both).
import { closeSync, cpSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureProcess, measureRepeatedly, type BenchRow } from "../row.ts";
import { hostile } from "../../testkit/hostile-inputs.ts";
import { renderMarkdown } from "../../scripts/publish/markdown.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.resolve(here, "../../scripts/sitrep.mjs");
const base = path.resolve(here, "../../tests/fixtures/valid/base");
const RUNS = 3;
const TARGET = "< 1 s";
const VALIDATE_TARGET = "< floor + 1 s";

const incident = (fields: string, body = "Body.\n") =>
  `---\ntitle: Hostile\nseverity: SEV3\nstatus: resolved\nstarted_at: 2026-11-15T10:00:00Z\nresolved_at: 2026-11-15T11:00:00Z\n${fields}updates:\n  - at: 2026-11-15T10:05:00Z\n    status: resolved\n    body: Fixed.\n---\n\n${body}`;
const INCIDENT = "incidents/2026/2026-11-15-hostile.md";

/** Each hostile repository: one file written into a copy of the fixture repository. */
const repositories: { input: string; file: string; write: (file: string) => void }[] = [
  {
    input: "update dated ahead, 12,000 nested `>` (F6)",
    file: "incidents/2026/2026-12-01-billing-upgrade.md",
    write: (file) =>
      writeFileSync(
        file,
        `---\ntitle: Billing database upgrade\ntype: maintenance\nstatus: scheduled\nscheduled_start: 2026-12-01T02:00:00Z\nscheduled_end: 2026-12-01T04:00:00Z\nupdates:\n  - at: 2026-11-22T15:00:00Z\n    status: scheduled\n    body: "${hostile.nestedQuotes(12_000)}"\n---\n`,
      ),
  },
  {
    input: "body of 10 kB nested `-` (F6)",
    file: INCIDENT,
    write: (file) => writeFileSync(file, incident("", hostile.nestedDashes(5_000))),
  },
  { input: "body of 100 kB `[` (F6)", file: INCIDENT, write: (file) => writeFileSync(file, incident("", hostile.brackets(100_000))) },
  {
    input: "body of 250 kB blank lines (F12)",
    file: INCIDENT,
    write: (file) => writeFileSync(file, incident("", hostile.blankLines(250_000))),
  },
  {
    input: "postmortem heading of 5,000 spaces (F12)",
    file: "postmortems/2026-11-10-api-errors.md",
    write: (file) =>
      writeFileSync(
        file,
        `---\nincident: 2026-11-10-api-errors\nstatus: published\nvisibility: public\npublished_at: 2026-11-12T09:00:00Z\nauthors:\n  - ada\n---\n\n${hostile.spacedHeading(5_000)}\n\n## Summary\n\nA bad deploy.\n`,
      ),
  },
  { input: "40,000 unknown keys (F12)", file: INCIDENT, write: (file) => writeFileSync(file, incident(hostile.unknownKeys(40_000))) },
  {
    input: "YAML flow nesting, 100,000 `[` (F12)",
    file: INCIDENT,
    write: (file) => writeFileSync(file, incident(`components: ${hostile.flowNesting("[", 100_000)}\n`)),
  },
  {
    input: "YAML flow nesting, 100,000 `{` (F12)",
    file: INCIDENT,
    write: (file) => writeFileSync(file, incident(`components: ${hostile.flowNesting("{", 100_000)}\n`)),
  },
  { input: "950 kB YAML alias bomb", file: INCIDENT, write: (file) => writeFileSync(file, incident(hostile.aliasBombField(950_000))) },
  {
    input: "3 GiB sparse record (refused unread)",
    file: INCIDENT,
    write: (file) => {
      const fd = openSync(file, "w");
      ftruncateSync(fd, 3 * 1024 ** 3);
      closeSync(fd);
    },
  },
];

async function validateRows(): Promise<BenchRow[]> {
  const env = { SITREP_NOW: "2026-11-22T12:00:00Z", NO_COLOR: "1" };
  const run = (dir: string) =>
    measureRepeatedly(RUNS, () => measureProcess(process.execPath, [cli, "validate", "--format", "json"], { cwd: dir, env }));
  const work = mkdtempSync(path.join(os.tmpdir(), "sitrep-bench-hostile-"));
  try {
    const floorDir = path.join(work, "floor");
    cpSync(base, floorDir, { recursive: true });
    await measureProcess(process.execPath, [cli, "validate"], { cwd: floorDir, env });
    const floor = await run(floorDir);
    const rows: BenchRow[] = [
      {
        name: "floor: sitrep validate",
        input: "the test fixture repository (6 files)",
        wallMs: floor.wallMs,
        peakRssMb: floor.peakRssMb,
        note: `median of ${RUNS}`,
      },
    ];
    for (const [i, repository] of repositories.entries()) {
      const dir = path.join(work, String(i));
      cpSync(base, dir, { recursive: true });
      repository.write(path.join(dir, repository.file));
      const measured = await run(dir);
      const findings = (JSON.parse(measured.stdout) as { diagnostics: { rule: string }[] }).diagnostics;
      rows.push({
        name: "sitrep validate",
        input: repository.input,
        wallMs: measured.wallMs,
        peakRssMb: measured.peakRssMb,
        floorMs: floor.wallMs,
        target: VALIDATE_TARGET,
        note: `${[...new Set(findings.map((f) => f.rule))].join(", ") || "no findings"}; median of ${RUNS}`,
      });
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Median wall time of rendering `text` (after one unmeasured render that loads remark). */
function renderMs(text: string): number {
  renderMarkdown(text);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    renderMarkdown(text);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
}

function renderRows(): BenchRow[] {
  const normal = readFileSync(path.resolve(here, "../../postmortems/2026-05-19-checkout-outage.md"), "utf8").replace(
    /^---\n[\s\S]*?\n---\n/,
    "",
  );
  const floorMs = renderMs(normal);
  const texts: [string, string][] = [
    ["12,000 nested `>` (F6)", hostile.nestedQuotes(12_000)],
    ["10 kB nested `-` (F6)", hostile.nestedDashes(5_000)],
    ["1,000 lists nested by indentation (F6)", hostile.indentedLists(1_000)],
    ["100 kB `[` (F6)", hostile.brackets(100_000)],
    ["250 kB blank lines (F12)", hostile.blankLines(250_000)],
  ];
  return [
    {
      name: "floor: render Markdown",
      input: `a postmortem body (${normal.length.toLocaleString("en")} characters)`,
      wallMs: floorMs,
      note: "in process, median of 5",
    },
    ...texts.map(
      ([input, text]): BenchRow => ({
        name: "render Markdown",
        input,
        wallMs: renderMs(text),
        floorMs,
        target: TARGET,
        note: "in process, median of 5",
      }),
    ),
  ];
}

export async function run(): Promise<BenchRow[]> {
  return [...renderRows(), ...(await validateRows())];
}
