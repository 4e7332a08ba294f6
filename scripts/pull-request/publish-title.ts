// The title of a publish commit and pull request, worked out from what changed in the records
// (HEAD's version against the working tree's), so `sitrep publish` after any command says what
// happened: "Declare SEV2: …", "Escalate SEV2 → SEV1: …", "Resolved: …". Pure.
import type { Config } from "../records/record-types.ts";
import { declareTitle, updateTitle, withDrill } from "../authoring/edits/commit-title.ts";

// biome-ignore lint/suspicious/noExplicitAny: front matter of any record kind at two commits, read field by field.
type Data = Record<string, any>;

export interface ChangedRecord {
  path: string;
  id: string;
  kind: "incident" | "postmortem" | "runbook" | "config" | "other";
  /** Front matter at HEAD (undefined: a new file). */
  before: Data | undefined;
  /** Front matter in the working tree (undefined: deleted). */
  after: Data | undefined;
}

function incidentTitle(change: ChangedRecord, config: Config): string {
  const { before, after } = change;
  if (!after) return `Remove ${change.id}`;
  const drill = after.drill === true;
  if (!before) {
    if (after.type === "maintenance") return `Schedule maintenance: ${after.title}`;
    return declareTitle(String(after.severity), String(after.title), {
      drill,
      nearMiss: after.type === "near_miss",
      internal: after.visibility === "internal",
    });
  }
  if (after.status === "resolved" && before.status !== "resolved") return withDrill(`Resolved: ${after.title}`, drill);
  if (after.status === "completed" && before.status !== "completed") return `Completed maintenance: ${after.title}`;
  if (after.status === "cancelled" && before.status !== "cancelled") return `Cancelled maintenance: ${after.title}`;
  if (after.type === "maintenance" && (after.scheduled_start !== before.scheduled_start || after.scheduled_end !== before.scheduled_end))
    return `Rescheduled maintenance: ${after.title}`;
  if (after.mitigated_at && !before.mitigated_at) return withDrill(`Mitigated: ${after.title}`, drill);
  if (after.acknowledged_at && !before.acknowledged_at) return withDrill(`Acknowledged: ${after.title}`, drill);
  const newUpdate = (after.updates ?? []).length > (before.updates ?? []).length ? (after.updates as Data[]).at(-1) : undefined;
  return updateTitle(
    {
      title: before.title,
      newTitle: after.title,
      severity: before.severity,
      newSeverity: after.severity,
      commander: before.roles?.commander,
      newCommander: after.roles?.commander,
      updateStatus: newUpdate?.status,
      status: before.status,
      drill,
      maintenance: after.type === "maintenance",
    },
    config,
  );
}

export function publishTitle(changes: ChangedRecord[], config: Config): string {
  if (changes.length === 1) {
    const [only] = changes;
    if (only.kind === "incident") return incidentTitle(only, config);
    const verb = !only.before ? "Add" : !only.after ? "Remove" : "Update";
    return `${verb} ${only.kind === "config" ? "the configuration" : `${only.kind} ${only.id}`}`;
  }
  const incidents = changes.filter((c) => c.kind === "incident");
  if (incidents.length === 1) return `${incidentTitle(incidents[0], config)} (+${changes.length - 1} more)`;
  return `Update ${changes.length} records: ${changes
    .map((c) => c.id)
    .slice(0, 3)
    .join(", ")}${changes.length > 3 ? ", …" : ""}`;
}
