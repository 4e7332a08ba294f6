// What the records repository already holds, as far as an import needs it: the configuration
// (and its text, to add components), each incident imported before (by `source`, read from every
// incident file that parses, valid or not, so a record is never imported twice), the incident
// ids taken, and the postmortems. I/O: reads the records root.
import { SitrepError } from "../errors.ts";
import { discoverRecordFiles } from "../records/discover.ts";
import { loadConfig } from "../records/load-config.ts";
import type { Config } from "../records/record-types.ts";
import { readRecord } from "../records/read-record.ts";
import type { ExistingIncident, ExistingRecords } from "./plan-import.ts";

export function readExisting(root: string): { config: Config; existing: ExistingRecords } {
  const loaded = loadConfig(root);
  if (!loaded.config) {
    const first = loaded.findings.find((f) => f.severity === "error") ?? loaded.findings[0];
    throw new SitrepError(`${loaded.source.path} is not valid${first ? `: ${first.message}` : ""}, so there is nothing to import into.`, {
      hint: "Run `npx sitrep validate` and fix the configuration, then import again.",
      exitCode: 1,
    });
  }
  const bySource = new Map<string, ExistingIncident>();
  const incidentIds = new Set<string>();
  const postmortems = new Map<string, string>();
  for (const file of discoverRecordFiles(root)) {
    if (file.kind === "runbook") continue;
    const { record } = readRecord(root, file);
    const data = (record.data ?? {}) as Record<string, unknown>;
    if (file.kind === "postmortem") {
      postmortems.set(typeof data.incident === "string" ? data.incident : record.id, record.source.text);
      continue;
    }
    incidentIds.add(record.id);
    if (typeof data.source === "string") {
      bySource.set(data.source, {
        id: record.id,
        path: record.source.path,
        text: record.source.text,
        status: data.status,
        updates: Array.isArray(data.updates) ? data.updates.length : 0,
      });
    }
  }
  return {
    config: loaded.config,
    existing: { bySource, incidentIds, postmortems, configPath: loaded.source.path, configText: loaded.source.text },
  };
}
