// What a cross-record rule is: a named, pure function from the loaded repository to findings.
import type { Config, IncidentRecord, PostmortemRecord, RecordKind, RunbookRecord } from "../records/record-types.ts";
import type { ParsedRecord } from "../records/read-record.ts";
import type { DiagnosticSeverity, Finding } from "../records/finding.ts";
import type { CommitTimes } from "./commit-times.ts";
import { millis } from "../core/time.ts";

export interface RuleContext {
  /** Undefined when the configuration itself is invalid; rules that need it are then skipped. */
  config: Config | undefined;
  /** Every record file that exists, parseable or not (ids of broken files still count). */
  files: readonly ParsedRecord[];
  /** The ids of those files, by kind: what a reference to a record must name. */
  ids: Readonly<Record<RecordKind, ReadonlySet<string>>>;
  /** Schema-valid records with defaults applied. */
  incidents: readonly IncidentRecord[];
  postmortems: readonly PostmortemRecord[];
  runbooks: readonly RunbookRecord[];
  now: Date;
  /** When each time was committed (`validate --history`); undefined when history was not read. */
  commitTimes?: CommitTimes;
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

/** Reports a finding of the rule being checked, in the record being checked. */
export type Report = (path: (string | number)[], message: string, hint: string, at?: "key" | "value") => void;

type RecordsOf = { incidents: IncidentRecord; postmortems: PostmortemRecord; runbooks: RunbookRecord };
type CheckOne<R extends { data: unknown }> = (data: R["data"], report: Report, record: R) => void;

/**
 * A rule that checks each record of one kind on its own (most rules): `each` is given the
 * repository once, works out what every record's check needs from it (the known ids, …), and
 * returns the check of one record, which reports its findings through `report`.
 */
export function perRecord<K extends keyof RecordsOf>(
  kind: K,
  rule: Omit<Rule, "check"> & { each(context: RuleContext & { config: Config }): CheckOne<RecordsOf[K]> },
): Rule {
  const { each, ...about } = rule;
  return {
    ...about,
    check(context) {
      const checkOne = each(context);
      const found: Finding[] = [];
      // One report function per rule, not a closure per record (16 rules × 10,000 records): checks
      // are synchronous, so it always reports into the record being checked.
      let current: RecordsOf[K];
      const report: Report = (path, message, hint, at) => {
        found.push(finding(about, current, path, message, hint, at));
      };
      for (const record of context[kind] as readonly RecordsOf[K][]) {
        current = record;
        checkOne(record.data, report, record);
      }
      return found;
    },
  };
}

/** Milliseconds since the epoch of an RFC 3339 time the schema has already accepted (core/time.ts reads it). */
export function ms(time: string): number {
  return millis(time);
}
