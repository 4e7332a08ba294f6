// What an on-call schedule is once loaded, and what computing it gives: shifts (who, from, to).
// The file's data comes from schema/oncall.schema.json (types generated, decision 0001).
import type { ScheduleWithDefaults } from "../records/schema-types.ts";
import type { SourceFile } from "../records/record-types.ts";

export type ScheduleData = ScheduleWithDefaults;
export type Layer = ScheduleData["layers"][number];
export type Restriction = NonNullable<Layer["restrictions"]>[number];
export type Override = ScheduleData["overrides"][number];

/** One schedule file, oncall/<id>.yaml, schema-valid with defaults applied. */
export interface Schedule {
  /** File name without the extension. */
  id: string;
  source: SourceFile;
  data: ScheduleData;
}

/** A stretch of time one person is on call. Times are ms since the epoch; `to` is exclusive. */
export interface Shift {
  who: string;
  from: number;
  to: number;
  /** Where it comes from: layer names, or "override" — several when adjoining pieces were joined. */
  sources: string[];
}

/** A stretch of time, `to` exclusive. */
export interface Interval {
  from: number;
  to: number;
}
