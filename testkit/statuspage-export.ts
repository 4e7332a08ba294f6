// Synthetic Statuspage data for tests and the bench: N incidents shaped as the public v2 API and
// the Manage API return them (newest first, updates newest first, HTML bodies, affected
// components), and a fresh records repository to import them into. Deterministic: the same N
// gives the same data.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const SYNTHETIC_COMPONENTS = [
  { id: "grp00000pay", name: "Payments", group: true, group_id: null, components: ["cmp0000api1", "cmp0000web1"] },
  { id: "cmp0000api1", name: "Checkout API", group: false, group_id: "grp00000pay" },
  { id: "cmp0000web1", name: "Hosted Checkout", group: false, group_id: "grp00000pay" },
  { id: "cmp0000dsh1", name: "Dashboard", group: false, group_id: null },
];

const IMPACTS = ["none", "minor", "major", "critical"] as const;
const START = Date.parse("2024-01-01T00:00:00Z");

/** The `i`-th synthetic incident: 2–4 updates, one every 20 minutes, resolved unless it is the newest. */
export function syntheticIncident(i: number, total: number): Record<string, unknown> {
  const id = `inc${String(i).padStart(9, "0")}`;
  const start = START + i * 3 * 3600_000;
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const open = i === total - 1;
  const statuses = open
    ? ["investigating"]
    : i % 3 === 0
      ? ["investigating", "resolved"]
      : ["investigating", "identified", "monitoring", "resolved"];
  const component = SYNTHETIC_COMPONENTS[1 + (i % 3)];
  const updates = statuses.map((status, n) => ({
    id: `${id}u${n}`,
    status,
    body:
      n === 1
        ? `We found the cause of <b>incident ${i}</b>.<br />More at <a href="https://example.com/${i}">the notes</a>.`
        : `Update ${n} on incident ${i}: ${status}.`,
    incident_id: id,
    created_at: at(n * 20),
    updated_at: at(n * 20),
    display_at: at(n * 20),
    affected_components:
      n === 0
        ? [{ code: component.id, name: component.name, old_status: "operational", new_status: "partial_outage" }]
        : status === "resolved"
          ? [{ code: component.id, name: component.name, old_status: "partial_outage", new_status: "operational" }]
          : null,
  }));
  return {
    id,
    name: `Synthetic incident ${i} on ${component.name}`,
    status: open ? "investigating" : "resolved",
    impact: IMPACTS[i % 4],
    created_at: at(0),
    updated_at: at((statuses.length - 1) * 20),
    monitoring_at: statuses.includes("monitoring") ? at(statuses.indexOf("monitoring") * 20) : null,
    resolved_at: open ? null : at((statuses.length - 1) * 20),
    started_at: at(-5),
    shortlink: `https://stspg.io/${id}`,
    page_id: "synthetic001",
    incident_updates: updates.reverse(),
    components: [{ id: component.id, name: component.name }],
  };
}

/** `count` incidents, newest first (as Statuspage lists them). */
export function syntheticIncidents(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => syntheticIncident(count - 1 - i, count));
}

/** Writes an export folder (incidents.json, components.json) and returns its path. */
export function writeStatuspageExport(dir: string, count: number): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "incidents.json"),
    JSON.stringify({ page: { id: "synthetic001", name: "Synthetic" }, incidents: syntheticIncidents(count) }),
  );
  writeFileSync(
    path.join(dir, "components.json"),
    JSON.stringify({ page: { id: "synthetic001", name: "Synthetic" }, components: SYNTHETIC_COMPONENTS }),
  );
  return dir;
}

/** A fresh records repository: a config with one component ("Checkout API"), empty record folders. */
export function emptyRecordsRepo(prefix = "sitrep-import-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const folder of ["incidents", "postmortems", "runbooks"]) mkdirSync(path.join(dir, folder));
  writeFileSync(
    path.join(dir, "sitrep.config.yaml"),
    [
      "# Acme's records.",
      "format: 2",
      "site:",
      '  title: "Acme Status"',
      '  url: "https://status.acme.example"',
      "components:",
      "  # The API merchants call.",
      "  - id: checkout-api",
      '    name: "Checkout API"',
      '    group: "Payments"',
      "  - id: merchant-dashboard",
      '    name: "Merchant Dashboard"',
      "",
    ].join("\n"),
  );
  return dir;
}
