// Writes a synthetic but valid records repository: realistic sizes (~1.5 kB per incident,
// like real incident files), every field kind, references that resolve. Deterministic.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface SyntheticCounts {
  incidents: number;
  postmortems: number;
  runbooks: number;
}

const COMPONENTS = ["checkout-api", "payments-gateway", "webhooks", "dashboard", "auth", "search", "payouts", "reporting"];
const STATUSES = ["degraded_performance", "partial_outage", "major_outage"];

export function writeSyntheticRepository(dir: string, counts: SyntheticCounts): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "sitrep.config.yaml"),
    [
      "site:",
      "  title: Synthetic Status",
      "  url: https://status.example.com/",
      "  timezone: UTC",
      "components:",
      ...COMPONENTS.map((id, i) => `  - id: ${id}\n    name: ${id.replace("-", " ")}\n    group: ${i < 4 ? "Core" : "Other"}`),
      "policies:",
      "  postmortem_due_days: 100000",
      "  runbook_review_days: 100000",
      "",
    ].join("\n"),
  );
  for (const folder of ["incidents", "postmortems", "runbooks"]) mkdirSync(path.join(dir, folder), { recursive: true });
  for (let r = 0; r < counts.runbooks; r++) {
    writeFileSync(
      path.join(dir, "runbooks", `runbook-${r}.md`),
      [
        "---",
        `title: Runbook ${r} for ${COMPONENTS[r % 8]}`,
        `components: [${COMPONENTS[r % 8]}]`,
        "owner: oncall-team",
        "last_reviewed: 2026-10-01",
        `alerts: [Alert${r}High, Alert${r}Errors]`,
        "---",
        "",
        "## Symptoms",
        "",
        "Errors rise.",
        "",
        "## Diagnose",
        "",
        "Check the dashboards.",
        "",
        "## Mitigate",
        "",
        "Roll back.",
        "",
      ].join("\n"),
    );
  }
  const start = Date.parse("2020-01-01T00:00:00Z");
  const ids: string[] = [];
  for (let i = 0; i < counts.incidents; i++) {
    const t0 = start + i * 4 * 3_600_000 + (i % 7) * 60_000;
    const iso = (offsetMinutes: number) => new Date(t0 + offsetMinutes * 60_000).toISOString().replace(".000Z", "Z");
    const date = iso(0).slice(0, 10);
    const id = `${date}-synthetic-incident-${i}`;
    ids.push(id);
    const severity = `SEV${(i % 4) + 1}`;
    const component = COMPONENTS[i % 8];
    const yearDir = path.join(dir, "incidents", date.slice(0, 4));
    mkdirSync(yearDir, { recursive: true });
    writeFileSync(
      path.join(yearDir, `${id}.md`),
      [
        "---",
        `title: "Elevated errors on ${component} (#${i})"`,
        `severity: ${severity}`,
        "status: resolved",
        "components:",
        `  ${component}: ${STATUSES[i % 3]}`,
        `  ${COMPONENTS[(i + 3) % 8]}: degraded_performance`,
        `started_at: ${iso(0)}`,
        `detected_at: ${iso(4)}`,
        `acknowledged_at: ${iso(6)}`,
        `mitigated_at: ${iso(12)}`,
        `resolved_at: ${iso(14)}`,
        "roles:",
        `  commander: commander-${i % 13}`,
        `  tech_lead: engineer-${i % 17}`,
        `  communications: comms-${i % 5}`,
        `  scribe: scribe-${i % 7}`,
        `runbooks: [runbook-${i % Math.max(1, counts.runbooks)}]`,
        "updates:",
        `  - at: ${iso(5)}`,
        "    status: investigating",
        `    body: We are investigating elevated error rates on ${component}. Some requests fail with 5xx responses.`,
        `  - at: ${iso(9)}`,
        "    status: identified",
        "    body: The cause is a configuration change rolled out earlier today; we are rolling it back now.",
        `  - at: ${iso(12)}`,
        "    status: monitoring",
        "    body: The rollback is complete and error rates are back to normal. We are monitoring.",
        "    components:",
        `      ${component}: degraded_performance`,
        `  - at: ${iso(14)}`,
        "    status: resolved",
        "    body: This incident is resolved. A postmortem will follow for SEV1 and SEV2 incidents.",
        "    components:",
        `      ${component}: operational`,
        "timeline:",
        `  - at: ${iso(4)}`,
        `    event: Alert ${component}-5xx fired.`,
        `  - at: ${iso(6)}`,
        `    event: commander-${i % 13} acknowledged the page and opened the incident channel.`,
        "---",
        "",
        `Between ${iso(0)} and ${iso(14)} some requests to ${component} failed. No data was lost.`,
        "",
      ].join("\n"),
    );
  }
  for (let p = 0; p < Math.min(counts.postmortems, ids.length); p++) {
    const id = ids[p];
    writeFileSync(
      path.join(dir, "postmortems", `${id}.md`),
      [
        "---",
        `incident: ${id}`,
        "status: published",
        "visibility: public",
        "authors: [commander-1, engineer-2]",
        `published_at: ${new Date(Date.parse(`${id.slice(0, 10)}T00:00:00Z`) + 3 * 86_400_000).toISOString().replace(".000Z", "Z")}`,
        "action_items:",
        ...[0, 1, 2, 3, 4].flatMap((k) => [
          `  - id: item-${k}`,
          `    title: Follow-up ${k} for ${id}`,
          `    owner: engineer-${(p + k) % 17}`,
          `    priority: P${(k % 3) + 1}`,
          `    kind: ${["prevent", "mitigate", "detect", "process"][k % 4]}`,
          `    due: 2027-01-0${k + 1}`,
          `    status: ${["open", "done", "wont_do"][k % 3]}`,
        ]),
        "---",
        "",
        "## Summary",
        "",
        "A configuration change caused errors.",
        "",
      ].join("\n"),
    );
  }
}
