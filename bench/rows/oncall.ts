// Bench: on-call schedules at scale. 20 schedules (Europe/Berlin and America/Chicago), each with
// a weekly layer of 8 people, a 12-hour layer, and a business-hours RRULE layer with
// restrictions, and 50 overrides — beside the synthetic records (8,500 incidents over four years,
// 1,000 postmortems, 500 runbooks). Rows: `validate` (schema, rules, and the 8-week gap check of
// every schedule) against the same repository without oncall/ as the floor; `oncall --json`;
// and `oncall report` over the four years, which attributes every incident.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureProcess, measureRepeatedly, type BenchRow } from "../row.ts";
import { writeSyntheticRepository } from "../synthetic-records.ts";
import { cachedCorpus } from "../cached-corpus.ts";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/sitrep.mjs");
const RUNS = 3;
const SCHEDULES = 20;
const OVERRIDES = 50;
// After the last synthetic record (they end in late 2023): validate refuses times after now.
const NOW = "2024-06-15T12:00:00Z";
const COUNTS = { incidents: 8_500, postmortems: 1_000, runbooks: 500 };

function schedule(s: number): string {
  const zone = s % 2 === 0 ? "Europe/Berlin" : "America/Chicago";
  const people = Array.from({ length: 8 }, (_, i) => `person-${(s * 3 + i) % 60}`);
  const overrides = Array.from({ length: OVERRIDES }, (_, o) => {
    const from = Date.parse("2020-02-01T18:00:00Z") + o * 29 * 86_400_000 + s * 3_600_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
    return `  - who: ${people[(o + 3) % 8]}\n    from: ${iso(from)}\n    to: ${iso(from + 15 * 3_600_000)}\n    reason: swap ${o}`;
  });
  return [
    `name: Schedule ${s}`,
    `timezone: ${zone}`,
    "layers:",
    "  - name: Weekly",
    `    members: [${people.join(", ")}]`,
    "    start: 2020-01-06T09:00",
    "    rotation: 1w",
    "  - name: Twelve hours",
    `    members: [${people.slice(0, 4).join(", ")}]`,
    "    start: 2020-01-06T08:00",
    "    rotation: 12h",
    "    restrictions:",
    "      - days: [sat, sun]",
    '        from: "08:00"',
    '        to: "08:00"',
    "  - name: Office",
    `    members: [${people.slice(4).join(", ")}]`,
    "    start: 2020-01-06T09:00",
    "    rotation: FREQ=WEEKLY;BYDAY=MO,TH",
    "    restrictions:",
    "      - days: [mon, tue, wed, thu, fri]",
    '        from: "09:00"',
    '        to: "17:00"',
    "overrides:",
    ...overrides,
    "",
  ].join("\n");
}

function writeOncallRepository(dir: string): void {
  writeSyntheticRepository(dir, COUNTS);
  appendFileSync(
    path.join(dir, "sitrep.config.yaml"),
    `oncall:\n  people: [${Array.from({ length: 60 }, (_, i) => `person-${i}`).join(", ")}]\n`,
  );
  mkdirSync(path.join(dir, "oncall"));
  for (let s = 0; s < SCHEDULES; s++) writeFileSync(path.join(dir, "oncall", `schedule-${s}.yaml`), schedule(s));
}

export async function run(): Promise<BenchRow[]> {
  const dir = cachedCorpus("sitrep-bench-oncall-v1", writeOncallRepository);
  const floorDir = cachedCorpus("sitrep-bench-oncall-floor-v1", (d) => {
    cpSync(dir, d, { recursive: true });
    if (existsSync(path.join(d, "oncall"))) rmSync(path.join(d, "oncall"), { recursive: true });
  });
  const env = { SITREP_NOW: NOW, NO_COLOR: "1" };
  const sitrep = (cwd: string, args: string[]) => measureProcess(process.execPath, [cli, ...args], { cwd, env });
  await sitrep(dir, ["validate", "--format", "json"]); // fills the compile cache
  const validate = await measureRepeatedly(RUNS, () => sitrep(dir, ["validate", "--format", "json"]));
  if (validate.code !== 0)
    throw new Error(`validate failed on the on-call bench: ${validate.stdout.slice(0, 2000)}${validate.stderr.slice(0, 2000)}`);
  const floor = await measureRepeatedly(RUNS, () => sitrep(floorDir, ["validate", "--format", "json"]));
  const now = await measureRepeatedly(RUNS, () => sitrep(dir, ["oncall", "--json"]));
  if (now.code !== 0 || JSON.parse(now.stdout).length !== SCHEDULES) throw new Error(`oncall failed: ${now.stderr.slice(0, 2000)}`);
  const report = await measureRepeatedly(RUNS, () =>
    sitrep(dir, ["oncall", "report", "--from", "2020-01-01", "--to", "2024-01-01", "--json"]),
  );
  const attributed = (JSON.parse(report.stdout) as { people: { incidents: number }[] }).people.reduce((n, p) => n + p.incidents, 0);
  const input = `${SCHEDULES} schedules (3 layers, ${OVERRIDES} overrides each) + 10,000 synthetic records`;
  return [
    {
      name: "sitrep validate with schedules",
      input,
      wallMs: validate.wallMs,
      peakRssMb: validate.peakRssMb,
      floorMs: floor.wallMs,
      note: `floor: the same without oncall/; median of ${RUNS}`,
    },
    { name: "sitrep oncall --json", input, wallMs: now.wallMs, peakRssMb: now.peakRssMb, floorMs: floor.wallMs, note: `median of ${RUNS}` },
    {
      name: "sitrep oncall report (4 years)",
      input: `${input}; ${attributed.toLocaleString("en")} incident attributions`,
      wallMs: report.wallMs,
      peakRssMb: report.peakRssMb,
      floorMs: floor.wallMs,
      note: `median of ${RUNS}`,
    },
  ];
}
