// What a cross-record rule is: a named, pure function from the loaded repository to findings.
import type { Config, Incident, IncidentRecord, PostmortemRecord, RecordKind, RunbookRecord } from "../records/record-types.ts";
import type { ParsedRecord } from "../records/read-record.ts";
import type { RecordFile } from "../records/discover.ts";
import type { DueAnchorTimes } from "../records/defaults.ts";
import type { DiagnosticSeverity, Finding } from "../records/finding.ts";
import type { CommitTimes } from "./commit-times.ts";
import { millis } from "../core/time.ts";

/**
 * What a rule is given. The records are checked in parts (validate/validate.ts, decision 0182):
 * the incidents a few dozen at a time, then the postmortems and runbooks together. A rule
 * reports only on the records (and files) of the part it is given; what it needs to know about
 * the rest of the repository is in the fields that say "every".
 */
export interface RuleContext {
  /** Undefined when the configuration itself is invalid; rules that need it are then skipped. */
  config: Config | undefined;
  /** The record files of this part, parseable or not. */
  files: readonly ParsedRecord[];
  /** Every record file of the repository (broken ones too): what id-unique groups. */
  allFiles: readonly RecordFile[];
  /** The ids of every record file, by kind: what a reference to a record must name. */
  ids: Readonly<Record<RecordKind, ReadonlySet<string>>>;
  /** This part's schema-valid records, with defaults applied. */
  incidents: readonly IncidentRecord[];
  postmortems: readonly PostmortemRecord[];
  runbooks: readonly RunbookRecord[];
  /** The incident named by every schema-valid postmortem of the repository. */
  postmortemIncidents: ReadonlySet<string>;
  /**
   * Every schema-valid incident that a schema-valid postmortem names, by id (the last file of an
   * id wins). Complete where postmortems are checked, which is after every incident.
   */
  linkedIncidents: ReadonlyMap<string, LinkedIncident>;
  /**
   * Everyone sitrep knows as a person (oncall/known-people.ts) over every record; given, with a
   * valid configuration, to the part that checks postmortems and runbooks, which comes last.
   */
  people: ReadonlySet<string> | undefined;
  /** True for the one part that also checks the configuration's own texts. */
  checksConfig: boolean;
  now: Date;
  /** When each time was committed (`validate --history`); undefined when history was not read. */
  commitTimes?: CommitTimes;
}

/** What the rules on postmortems need of the incident one names. */
export type LinkedIncident = Pick<Incident, "resolved_at"> & DueAnchorTimes;

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
 * part once, works out what every record's check needs from it (the known ids, …), and returns
 * the check of one record, which reports its findings through `report`. A part without records
 * of the kind is not asked (an incident part, for the postmortem rules).
 */
export function perRecord<K extends keyof RecordsOf>(
  kind: K,
  rule: Omit<Rule, "check"> & { each(context: RuleContext & { config: Config }): CheckOne<RecordsOf[K]> },
): Rule {
  const { each, ...about } = rule;
  return {
    ...about,
    check(context) {
      const records = context[kind] as readonly RecordsOf[K][];
      if (records.length === 0) return [];
      const checkOne = each(context);
      const found: Finding[] = [];
      // One report function per rule, not a closure per record (16 rules × 10,000 records): checks
      // are synchronous, so it always reports into the record being checked.
      let current: RecordsOf[K];
      const report: Report = (path, message, hint, at) => {
        found.push(finding(about, current, path, message, hint, at));
      };
      for (const record of records) {
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
