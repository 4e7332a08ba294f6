// People in a postmortem draft by their role, not their handle (decision 0116): the draft's
// timeline is copied from the incident, where handles are everywhere ("@ana-s acknowledged the
// page"), and a postmortem is blameless and may become public. Each role holder's handle (with or
// without @) becomes the role; any other @handle becomes "a responder". Pure.
import type { Incident } from "../../records/record-types.ts";

const ROLE_NAMES: [keyof NonNullable<Incident["roles"]>, string][] = [
  ["commander", "the incident commander"],
  ["tech_lead", "the tech lead"],
  ["communications", "the communications lead"],
  ["scribe", "the scribe"],
];

export function handlesToRoles(text: string, roles: Incident["roles"]): string {
  const byHandle = new Map<string, string>();
  for (const [role, name] of ROLE_NAMES) {
    const handle = roles?.[role];
    if (handle && !byHandle.has(handle.toLowerCase())) byHandle.set(handle.toLowerCase(), name);
  }
  const known = [...byHandle.keys()].sort((a, b) => b.length - a.length).map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  let out = text;
  if (known.length > 0) {
    out = out.replace(
      new RegExp(`(?<![\\w/.-])@?(${known.join("|")})(?![\\w-])`, "gi"),
      (_, handle: string) => byHandle.get(handle.toLowerCase())!,
    );
  }
  // "Declared SEV2; ines-c is incident commander." would read "the incident commander is incident commander".
  out = out.replace(/\b(the (incident commander|tech lead|communications lead|scribe)) is (?:the )?\2\b/gi, "$1 was named");
  return out.replace(/(?<![\w@.-])@[A-Za-z0-9][A-Za-z0-9-]{0,38}(?![\w-])/g, "a responder");
}
