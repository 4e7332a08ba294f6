// Flags shared by the commands that write incidents: roles, runbooks, default update messages.
import { UsageError } from "../../errors.ts";
import type { OptionSpec, OptionValues } from "../../cli/command.ts";
import type { Config } from "../../records/record-types.ts";
import type { RecordFile } from "../../records/discover.ts";
import { closest } from "../../records/closest.ts";
import { checkHandle, str } from "./flag-values.ts";

export const ROLES = [
  ["commander", "commander", "Incident commander: coordinates the response."],
  ["tech-lead", "tech_lead", "Tech lead: leads the investigation and fix."],
  ["communications", "communications", "Writes the public updates on cadence."],
  ["scribe", "scribe", "Keeps the internal timeline."],
] as const;

export type RoleName = (typeof ROLES)[number][1];

export const ROLE_OPTIONS: Record<string, OptionSpec> = Object.fromEntries(
  ROLES.map(([flag, , description]) => [flag, { type: "string", valueName: "handle", description: `${description} GitHub handle.` }]),
);

export function rolesFromFlags(values: OptionValues): Partial<Record<RoleName, string>> {
  const roles: Partial<Record<RoleName, string>> = {};
  for (const [flag, key] of ROLES) {
    const value = str(values[flag]);
    if (value !== undefined) roles[key] = checkHandle(value, `--${flag}`);
  }
  return roles;
}

export function checkRunbooks(ids: string[], files: readonly RecordFile[]): string[] {
  const known = files.filter((f) => f.kind === "runbook").map((f) => f.id);
  for (const id of ids) {
    if (known.includes(id)) continue;
    const suggestion = closest(id, known);
    throw new UsageError(
      `--runbook: no runbook \`${id}\` (no runbooks/${id}.md).`,
      `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Create it with \`npx sitrep runbook ${id} --title …\`, or leave the flag out.`,
    );
  }
  return [...new Set(ids)];
}

/** A first update that says something useful when the responder has no time to write one. */
export function defaultMessage(status: string, componentIds: string[], config: Config, cadenceMinutes: number | undefined): string {
  const names = componentIds.map((id) => config.components.find((c) => c.id === id)?.name ?? id);
  const what = names.length === 0 ? "a problem" : `problems with ${joinNames(names)}`;
  const next = cadenceMinutes ? ` We will post an update within ${cadenceMinutes} minutes.` : "";
  if (status === "identified") return `We have identified the cause of ${what} and are working on a fix.${next}`;
  if (status === "monitoring") return `A fix for ${what} is in place and we are monitoring the results.${next}`;
  return `We are investigating ${what}.${next}`;
}

export function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
