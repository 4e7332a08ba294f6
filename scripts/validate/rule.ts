// What a cross-record rule is: a named, pure function from the loaded repository to findings.
import type { Config, IncidentRecord, PostmortemRecord, RunbookRecord } from "../records/model.ts";
import type { ParsedRecord } from "../records/read-record.ts";
import type { DiagnosticSeverity, Finding } from "../records/finding.ts";

export interface RuleContext {
  /** Undefined when the configuration itself is invalid; rules that need it are then skipped. */
  config: Config | undefined;
  /** Every record file that exists, parseable or not (ids of broken files still count). */
  files: readonly ParsedRecord[];
  /** Schema-valid records with defaults applied. */
  incidents: readonly IncidentRecord[];
  postmortems: readonly PostmortemRecord[];
  runbooks: readonly RunbookRecord[];
  now: Date;
}

export interface Rule {
  id: string;
  severity: DiagnosticSeverity;
  /** One line, for docs and `--help`. */
  description: string;
  needsConfig?: boolean;
  check(context: RuleContext & { config: Config }): Finding[];
}

type Located = { source: { path: string } };

/** A finding of `rule` in `record` at a JSON path of its front matter. */
export function finding(
  rule: Pick<Rule, "id" | "severity">,
  record: Located,
  path: (string | number)[],
  message: string,
  hint: string,
  at: "key" | "value" = "value",
): Finding {
  return { file: record.source.path, rule: rule.id, severity: rule.severity, path, at, message, hint };
}

/** Milliseconds since the epoch of an RFC 3339 time the schema has already accepted. */
export function ms(time: string): number {
  return Date.parse(time);
}
