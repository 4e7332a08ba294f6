// Synthetic records repositories for sync tests and the bench: a config, one resolved incident
// per postmortem, and postmortems whose action items the test controls (rewrite to change them).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface SyntheticItem {
  id: string;
  title: string;
  owner: string;
  priority: "P1" | "P2" | "P3";
  kind: "prevent" | "mitigate" | "detect" | "process";
  status: "open" | "done" | "wont_do";
  due?: string;
  issue?: number;
}

export interface SyntheticPostmortem {
  /** Also the incident id; starts with the incident's date. */
  id: string;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  items: SyntheticItem[];
}

const KINDS: SyntheticItem["kind"][] = ["prevent", "mitigate", "detect", "process"];
const PRIORITIES: SyntheticItem["priority"][] = ["P1", "P2", "P3"];

/** `count` postmortems with `itemsEach` open action items each, deterministic. */
export function syntheticPostmortems(count: number, itemsEach: number): SyntheticPostmortem[] {
  return Array.from({ length: count }, (_, p) => {
    const date = new Date(Date.UTC(2025, 0, 1) + p * 86_400_000).toISOString().slice(0, 10);
    return {
      id: `${date}-sync-incident-${p}`,
      severity: (["SEV1", "SEV2", "SEV3", "SEV4"] as const)[p % 4],
      items: Array.from({ length: itemsEach }, (_, i) => ({
        id: `item-${i}`,
        title: `Follow-up ${i} of incident ${p}: add a guard for case ${p * itemsEach + i}`,
        owner: `owner-${(p + i) % 7}`,
        priority: PRIORITIES[(p + i) % 3],
        kind: KINDS[(p + i) % 4],
        status: "open" as const,
      })),
    };
  });
}

export function writeSyncRecords(dir: string, postmortems: SyntheticPostmortem[], options: { repository?: string } = {}): void {
  mkdirSync(path.join(dir, "postmortems"), { recursive: true });
  mkdirSync(path.join(dir, "runbooks"), { recursive: true });
  writeFileSync(
    path.join(dir, "sitrep.config.yaml"),
    [
      "format: 2",
      "site:",
      "  title: Sync Test Status",
      "  url: https://status.sync.example",
      "components:",
      "  - id: api",
      "    name: API",
      "github:",
      `  repository: ${options.repository ?? "config-owner/config-repo"}`,
      "  labels: [incident-action-item, from-postmortem]",
      "",
    ].join("\n"),
  );
  for (const pm of postmortems) {
    const date = pm.id.slice(0, 10);
    const year = date.slice(0, 4);
    mkdirSync(path.join(dir, "incidents", year), { recursive: true });
    writeFileSync(
      path.join(dir, "incidents", year, `${pm.id}.md`),
      [
        "---",
        `title: "Errors on the API (${pm.id})"`,
        `severity: ${pm.severity}`,
        "status: resolved",
        "components:",
        "  api: partial_outage",
        `started_at: ${date}T10:00:00Z`,
        `detected_at: ${date}T10:05:00Z`,
        `resolved_at: ${date}T10:20:00Z`,
        "updates:",
        `  - at: ${date}T10:10:00Z`,
        "    status: investigating",
        "    body: We are looking into errors on the API.",
        `  - at: ${date}T10:20:00Z`,
        "    status: resolved",
        "    body: The errors have stopped.",
        "---",
        "",
        "Some API requests failed.",
        "",
      ].join("\n"),
    );
    const items = pm.items.flatMap((item) => [
      `  - id: ${item.id}`,
      `    title: ${JSON.stringify(item.title)}`,
      `    owner: ${item.owner}`,
      `    priority: ${item.priority}`,
      `    kind: ${item.kind}`,
      ...(item.due ? [`    due: ${item.due}`] : []),
      `    status: ${item.status}`,
      ...(item.issue !== undefined ? [`    issue: ${item.issue}`] : []),
    ]);
    writeFileSync(
      path.join(dir, "postmortems", `${pm.id}.md`),
      [
        "---",
        `incident: ${pm.id}`,
        "status: published",
        "visibility: public",
        "authors: [alice]",
        `published_at: ${date}T18:00:00Z`,
        ...(items.length ? ["action_items:", ...items] : ["action_items: []"]),
        "---",
        "",
        "## Summary",
        "",
        "The API failed for an hour.",
        "",
      ].join("\n"),
    );
  }
}

export function tempSyncRepo(
  postmortems: SyntheticPostmortem[],
  options: { repository?: string } = {},
): { dir: string; write: (next: SyntheticPostmortem[]) => void; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-sync-"));
  writeSyncRecords(dir, postmortems, options);
  return {
    dir,
    write: (next) => writeSyncRecords(dir, next, options),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
