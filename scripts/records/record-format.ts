// The record format: which shape of records and config a repository is written in, stated by
// `format:` in sitrep.config.yaml. A record format changes only when a sitrep release reads
// records differently; each change comes with a step of `sitrep migrate` (scripts/migrate/).
// Checked before the schema, so a newer format is refused with its own message instead of a
// list of unknown fields (docs/upgrading.md, docs/decisions/0151).
import type { Finding } from "./finding.ts";

/** The format this sitrep reads and writes. */
export const RECORD_FORMAT = 2;

/** The oldest sitrep release that reads each format, for the upgrade hint. */
export const FIRST_RELEASE_READING: Record<number, string> = { 1: "0.1.0", 2: "0.2.0" };

/** The format a config states; absent is format 1 (written before formats were numbered). */
export function formatOf(config: unknown): number | undefined {
  if (config === null || typeof config !== "object" || Array.isArray(config)) return undefined;
  const value = (config as Record<string, unknown>).format;
  if (value === undefined) return 1;
  return Number.isInteger(value) && (value as number) >= 1 ? (value as number) : undefined;
}

/** An older format is a warning naming `sitrep migrate`; a newer one an error naming the upgrade. */
export function checkRecordFormat(file: string, config: unknown): Finding | undefined {
  const format = formatOf(config);
  // Not a positive integer: the schema reports it.
  if (format === undefined || format === RECORD_FORMAT) return undefined;
  const stated = (config as Record<string, unknown>).format !== undefined;
  if (format < RECORD_FORMAT) {
    return {
      file,
      rule: "record-format-old",
      severity: "warning",
      ...(stated ? { path: ["format"] } : { line: 1, column: 1 }),
      message: `These records are in record format ${format}${stated ? "" : " (no `format:` in the config)"}; this sitrep reads and writes format ${RECORD_FORMAT}.`,
      hint: "Run `npx sitrep migrate` to rewrite them (a minimal diff, comments kept); review and commit what it changes.",
    };
  }
  const release = FIRST_RELEASE_READING[format];
  return {
    file,
    rule: "record-format-new",
    severity: "error",
    path: ["format"],
    message: `These records are in record format ${format}, newer than this sitrep reads (format ${RECORD_FORMAT}).`,
    hint: `Upgrade sitrep${release ? ` to ${release} or later` : ""}: \`npm install sitrep@latest\`, then run the command again.`,
  };
}
