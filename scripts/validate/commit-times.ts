// When each time in a record was committed: for every record file, each `<field>: <time>` line
// its history added, with the committer date of the first commit that added it. Read from git by
// scripts/history/added-times.ts only when asked (`validate --history`); validate alone reads no
// history (ADR 0077). Times not found here (not committed yet) are checked against now only.

export interface AddedAt {
  /** Committer date of the first commit that added the line, ms since the epoch. */
  ms: number;
  commit: string;
}

/** Record path (from the records root) → `<field>@<time in ms>` → when it was added. */
export type CommitTimes = ReadonlyMap<string, ReadonlyMap<string, AddedAt>>;

/** The key of a time in CommitTimes: the field's last name (`at` for updates and timeline) and the instant. */
export function timeKey(field: string, time: string): string {
  return `${field}@${Date.parse(time)}`;
}
