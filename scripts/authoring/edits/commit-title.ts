// Commit and pull-request titles that say what happened: "Escalate SEV2 → SEV1: Checkout errors",
// "Hand over command to akin-b: …", "Drill: declare SEV1: Game day …". A reviewer (or the fast
// lane's log) reads the change from its title; "Update: investigating" hid an escalation. Pure.
import type { Config } from "../../records/record-types.ts";

export interface IncidentChange {
  title: string;
  /** The title after the change, when it changed. */
  newTitle?: string;
  severity?: string;
  newSeverity?: string;
  commander?: string;
  newCommander?: string;
  /** The status of a public update posted with the change. */
  updateStatus?: string;
  /** The status before the change. */
  status: string;
  drill: boolean;
  maintenance: boolean;
}

/** Severities are listed most severe first in the config: a lower index is worse. */
function escalation(config: Config, from: string | undefined, to: string): string {
  const rank = (id: string | undefined) => config.severities.findIndex((s) => s.id === id);
  if (from === undefined || rank(from) === -1) return `Set severity ${to}`;
  return rank(to) < rank(from) ? `Escalate ${from} → ${to}` : `De-escalate ${from} → ${to}`;
}

export function updateTitle(change: IncidentChange, config: Config): string {
  const parts: string[] = [];
  if (change.newSeverity !== undefined && change.newSeverity !== change.severity)
    parts.push(escalation(config, change.severity, change.newSeverity));
  if (change.newCommander !== undefined && change.newCommander !== change.commander)
    parts.push(`Hand over command to ${change.newCommander}`);
  if (change.newTitle !== undefined && change.newTitle !== change.title) parts.push("Retitle");
  if (change.updateStatus !== undefined) {
    parts.push(
      change.updateStatus !== change.status
        ? `${change.maintenance ? "Maintenance" : "Update"}: ${change.status} → ${change.updateStatus}`
        : `${change.maintenance ? "Maintenance update" : "Update"} (${change.updateStatus})`,
    );
  }
  if (parts.length === 0) parts.push("Update roles");
  return withDrill(`${parts.join("; ")}: ${change.newTitle ?? change.title}`, change.drill);
}

export function declareTitle(severity: string, title: string, kind: { drill: boolean; nearMiss: boolean; internal: boolean }): string {
  if (kind.drill) return `Drill: declare ${severity}: ${title}`;
  if (kind.nearMiss) return `Near-miss ${severity}: ${title}`;
  return `Declare ${severity}${kind.internal ? " (internal)" : ""}: ${title}`;
}

/** Any change to a drill says so first, so no one mistakes a game day for an outage. */
export function withDrill(title: string, drill: boolean): string {
  return drill && !title.startsWith("Drill: ") ? `Drill: ${title}` : title;
}
