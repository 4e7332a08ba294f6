// Bench: `sitrep metrics --json` on a synthetic repository with years of history, beside the
// floor (the `git log` + `git cat-file --batch` pass alone, as processes).
//
// The repository is built with `git fast-import` (one process, one pack): 10,000 incidents
// (3 revisions each: declared, monitoring, resolved), 1,000 postmortems for the SEV1/SEV2 ones
// (10 revisions each: draft, review, published, items done one by one, a won't-do, edits) with
// 5 action items each — 40,000 commits. It is cached under os.tmpdir() keyed by VERSION, so
// reruns only measure.
//
// On a shared 2-core machine wall time swings with load; the CPU note beside it does not depend
// on scheduling. Decision 0188 has the last A/B (history on the main thread, git log into a file).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cpuNote, measureProcess, measureRepeatedly, medianRun, type BenchRow, type ProcessMeasurement } from "../row.ts";
import { logArguments } from "../../scripts/history/read-history.ts";
import { rng } from "../rng.ts";

const VERSION = "metrics-bench-v3";
const INCIDENTS = 10_000;
const POSTMORTEM_EVERY = 10; // incidents 0, 10, 20, … are SEV1/SEV2 and get a postmortem
const ITEMS = 5;
const NOW = "2026-11-22T12:00:00Z";
/** Runs of the command and of the floor, alternated; the median of each is reported. */
const RUNS = 5;
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/sitrep.mjs");

const COMPONENTS = [
  "checkout-api",
  "hosted-checkout",
  "payment-processing",
  "card-vault",
  "payouts",
  "public-api",
  "webhooks",
  "identity",
  "merchant-dashboard",
  "reporting",
];
const CONFIG = `site:
  title: Bench Status
  url: https://status.bench.example
components:
${COMPONENTS.map((id) => `  - id: ${id}\n    name: ${id}`).join("\n")}
`;

const MINUTE = 60_000;
const DAY = 86_400_000;
const START = Date.parse("2023-10-01T00:00:00Z");
const SPAN = Date.parse("2026-10-01T00:00:00Z") - START;

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

interface Incident {
  id: string;
  path: string;
  severity: string;
  component: string;
  started: number;
  detected: number;
  acknowledged: number;
  mitigated: number;
  resolved: number;
  commander: string;
}

/** Minutes between public updates each severity promises (the default severities). */
const CADENCE: Record<string, number> = { SEV1: 15, SEV2: 30, SEV3: 60, SEV4: 240 };

function makeIncident(i: number): Incident {
  const r = rng(i + 1);
  const severity = i % POSTMORTEM_EVERY === 0 ? (i % 30 === 0 ? "SEV1" : "SEV2") : r() < 0.5 ? "SEV3" : "SEV4";
  // Updates go out on cadence (gaps of 40–100 % of the promise), except for about 5 % of incidents.
  const cadence = CADENCE[severity];
  const gap = () => Math.floor(cadence * (r() < 0.05 ? 1.5 : 0.4 + 0.6 * r())) * MINUTE;
  const started = START + Math.floor((SPAN * i) / INCIDENTS / MINUTE) * MINUTE + Math.floor(r() * 60) * MINUTE;
  const detected = started + Math.floor(1 + r() * 30) * MINUTE;
  const acknowledged = detected + Math.floor(1 + r() * 4) * MINUTE;
  const mitigated = acknowledged + 5 * MINUTE + gap();
  const resolved = mitigated + gap();
  const date = iso(started).slice(0, 10);
  const id = `${date}-synthetic-incident-${i}`;
  return {
    id,
    path: `incidents/${date.slice(0, 4)}/${id}.md`,
    severity,
    component: COMPONENTS[i % COMPONENTS.length],
    started,
    detected,
    acknowledged,
    mitigated,
    resolved,
    commander: `person-${Math.floor(r() * 40)}`,
  };
}

function incidentText(x: Incident, stage: 0 | 1 | 2): string {
  const updates = [
    [x.detected + 5 * MINUTE, "investigating", "We are investigating elevated error rates and will post an update soon."],
    [
      x.acknowledged + 5 * MINUTE + Math.floor((x.mitigated - x.acknowledged - 5 * MINUTE) / 2),
      "identified",
      "We have identified the cause and are applying a fix.",
    ],
    [x.mitigated, "monitoring", "A fix is in place and error rates are back to normal. We are monitoring."],
    [x.resolved, "resolved", "This incident is resolved."],
  ] as const;
  const shown = stage === 0 ? updates.slice(0, 1) : stage === 1 ? updates.slice(0, 3) : updates;
  const status = shown[shown.length - 1][1];
  const lines = [
    "---",
    `title: Synthetic incident on ${x.component} (${x.id.slice(-5)})`,
    `severity: ${x.severity}`,
    `status: ${status}`,
    "components:",
    `  ${x.component}: ${stage === 2 ? "partial_outage" : "major_outage"}`,
    `started_at: ${iso(x.started)}`,
    `detected_at: ${iso(x.detected)}`,
    `acknowledged_at: ${iso(x.acknowledged)}`,
  ];
  if (stage >= 1) lines.push(`mitigated_at: ${iso(x.mitigated)}`);
  if (stage === 2) lines.push(`resolved_at: ${iso(x.resolved)}`);
  lines.push("roles:", `  commander: ${x.commander}`, "  tech_lead: person-99", "updates:");
  for (const [at, s, body] of shown) lines.push(`  - at: ${iso(at)}`, `    status: ${s}`, `    body: ${body}`);
  lines.push("timeline:");
  lines.push(`  - at: ${iso(x.detected)}`, "    event: Alert fired for elevated 5xx on the edge.");
  lines.push(`  - at: ${iso(x.acknowledged)}`, `    event: ${x.commander} acknowledged the page and opened a bridge.`);
  if (stage >= 1) lines.push(`  - at: ${iso(x.mitigated)}`, "    event: Rolled back the last deploy; error rates recovered.");
  lines.push(
    "---",
    "",
    `Between ${iso(x.started)} and ${iso(x.mitigated)} some requests to ${x.component} failed. We rolled back a change and are reviewing why it was not caught earlier.`,
    "",
  );
  return lines.join("\n");
}

function postmortemText(x: Incident, stage: number): string {
  // stage 0 draft, 1 in_review, 2 published, 3–6 items 1–4 done, 7 item 5 wont_do, 8–9 edits
  const status = stage === 0 ? "draft" : stage === 1 ? "in_review" : "published";
  const lines = ["---", `incident: ${x.id}`, `status: ${status}`, "visibility: internal", "authors:", `  - ${x.commander}`];
  if (stage >= 2) lines.push(`published_at: ${iso(x.resolved + 3 * DAY)}`);
  lines.push("action_items:");
  for (let k = 0; k < ITEMS; k++) {
    const itemStatus = k < 4 ? (stage >= 3 + k ? "done" : "open") : stage >= 7 ? "wont_do" : "open";
    lines.push(
      `  - id: item-${k + 1}`,
      `    title: Follow-up ${k + 1} for ${x.component}${stage >= 8 && k === 0 ? " (rescoped)" : ""}`,
      `    owner: person-${(k * 7 + x.started) % 40}`,
      `    priority: P${(k % 3) + 1}`,
      "    kind: prevent",
      `    status: ${itemStatus}`,
    );
  }
  lines.push(
    "---",
    "",
    "## Summary",
    "",
    `A change to ${x.component} caused errors.${stage >= 9 ? " Updated after review." : ""}`,
    "",
    "## Lessons",
    "",
    "Canary every change.",
    "",
  );
  return lines.join("\n");
}

const PM_OFFSETS = [1, 2, 3, 5, 8, 12, 20, 25, 30, 40].map((d) => d * DAY);

/** Builds the repository with one `git fast-import`; returns its path. */
async function buildRepository(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = (args: string[]) => {
    const r = spawnSync("git", args, { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
    return r.stdout;
  };
  git(["init", "--quiet", "--initial-branch=main"]);
  git(["config", "gc.auto", "0"]);

  // Every commit: (time, order, file, content generator).
  const incidents = Array.from({ length: INCIDENTS }, (_, i) => makeIncident(i));
  type Change = { at: number; path: string; text: () => string; message: string };
  const changes: Change[] = [];
  for (const x of incidents) {
    changes.push({ at: x.detected + 10 * MINUTE, path: x.path, text: () => incidentText(x, 0), message: `Declare ${x.id}` });
    changes.push({ at: x.mitigated + 5 * MINUTE, path: x.path, text: () => incidentText(x, 1), message: `Update ${x.id}` });
    changes.push({ at: x.resolved + 5 * MINUTE, path: x.path, text: () => incidentText(x, 2), message: `Resolve ${x.id}` });
    if (x.severity === "SEV1" || x.severity === "SEV2") {
      for (const [stage, offset] of PM_OFFSETS.entries()) {
        changes.push({
          at: x.resolved + offset,
          path: `postmortems/${x.id}.md`,
          text: () => postmortemText(x, stage),
          message: `Postmortem ${x.id} (${stage})`,
        });
      }
    }
  }
  changes.sort((a, b) => a.at - b.at);

  const child = spawn("git", ["fast-import", "--quiet", "--done"], { cwd: dir, stdio: ["pipe", "inherit", "inherit"] });
  const exited = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`)))),
  );
  const chunks: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!child.stdin.write(chunks.join(""))) await new Promise((r) => child.stdin.once("drain", r));
    chunks.length = 0;
    size = 0;
  };
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const commit = (at: number, message: string, files: [string, string][]) => {
    const block = [`commit refs/heads/main\ncommitter Bench <bench@example.com> ${Math.floor(at / 1000)} +0000\n${data(message)}`];
    for (const [file, text] of files) block.push(`M 100644 inline ${file}\n${data(text)}`);
    const s = block.join("");
    chunks.push(s);
    size += s.length;
  };
  commit(START - DAY, "Config", [
    ["sitrep.config.yaml", CONFIG],
    ["incidents/README.md", "# Incidents\n"],
    ["postmortems/README.md", "# Postmortems\n"],
  ]);
  for (const change of changes) {
    commit(change.at, change.message, [[change.path, change.text()]]);
    if (size > 4_000_000) await flush();
  }
  chunks.push("done\n");
  await flush();
  child.stdin.end();
  await exited;
  git(["reset", "--quiet", "--hard", "main"]);
  writeFileSync(path.join(dir, ".git", "sitrep-bench-complete"), `${changes.length + 1} commits\n`);
}

export async function run(): Promise<BenchRow[]> {
  const dir = path.join(os.tmpdir(), `sitrep-${VERSION}`);
  if (!existsSync(path.join(dir, ".git", "sitrep-bench-complete"))) {
    const started = performance.now();
    await buildRepository(dir);
    process.stderr.write(`bench: built ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const commits = spawnSync("git", ["rev-list", "--count", "HEAD"], { cwd: dir, encoding: "utf8" }).stdout.trim();
  const input = `10,000 incidents, 1,000 postmortems, 5,000 action items, ${Number(commits).toLocaleString("en-US")} commits`;

  // The floor: the same git log, then one cat-file --batch over every distinct blob it names.
  const ids = new Set<string>();
  const log = spawnSync("git", logArguments(), { cwd: dir, maxBuffer: 1 << 30 }).stdout.toString("utf8");
  for (const m of log.matchAll(/:\d{6} \d{6} [0-9a-f]{40} ([0-9a-f]{40}) [AMRCT]/g)) if (!/^0+$/.test(m[1])) ids.add(m[1]);
  const idsFile = path.join(dir, ".git", "sitrep-bench-blobs");
  writeFileSync(idsFile, `${[...ids].join("\n")}\n`);
  const quote = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;
  const floorScript = `git ${logArguments().map(quote).join(" ")} > /dev/null && git cat-file --batch --buffer < ${quote(idsFile)} > /dev/null`;
  // The command and the floor take turns, so a busy moment on a shared machine hits both alike.
  // CPU seconds (user + sys of the whole process tree) do not depend on what else the machine
  // runs, unlike wall time on a shared 2-core box: they show the work done beside the floor's.
  const env = { SITREP_NOW: NOW, NO_COLOR: "1" };
  const metricsRuns: ProcessMeasurement[] = [];
  const floorRuns: ProcessMeasurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    metricsRuns.push(await measureProcess(process.execPath, [cli, "metrics", "--json"], { cwd: dir, env }));
    floorRuns.push(await measureProcess("sh", ["-c", floorScript], { cwd: dir }));
  }
  const failed = metricsRuns.find((run) => run.code !== 0);
  if (failed) throw new Error(`sitrep metrics failed: ${failed.stderr.slice(0, 2000)}`);
  const metrics = medianRun(metricsRuns);
  const floor = medianRun(floorRuns);
  const json = JSON.parse(metrics.stdout);
  const byQuarter = await measureRepeatedly(1, () =>
    measureProcess(process.execPath, [cli, "metrics", "--json", "--by", "quarter"], { cwd: dir, env }),
  );
  const actions = await measureRepeatedly(1, () => measureProcess(process.execPath, [cli, "actions", "--json"], { cwd: dir, env }));

  return [
    {
      name: "sitrep metrics --json",
      input,
      wallMs: metrics.wallMs,
      peakRssMb: metrics.peakRssMb,
      floorMs: floor.wallMs,
      target: "≤ 1.5× floor, CPU ≤ 2× floor's, < 1 GB",
      note: `${json.history.revisions} revisions, ${json.history.blobs} blobs parsed; ${cpuNote(metrics, floor)}; medians of ${RUNS}, alternated; floor = git log + cat-file --batch`,
    },
    {
      name: "sitrep metrics --json --by quarter",
      input,
      wallMs: byQuarter.wallMs,
      peakRssMb: byQuarter.peakRssMb,
      floorMs: floor.wallMs,
      note: `${json.overall.incidents.count} incidents in 13 groups`,
    },
    {
      name: "sitrep actions --json",
      input,
      wallMs: actions.wallMs,
      peakRssMb: actions.peakRssMb,
      floorMs: floor.wallMs,
      note: "records + history for item dates",
    },
  ];
}
