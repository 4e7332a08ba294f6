// The steps of `sitrep migrate`, one per record-format change, each a pure function from the
// repository's texts to the few edits that change needs. A step edits text in place (never a
// re-serialisation), so comments, quoting and order survive and the diff is only the change.
import type { FileChange } from "../authoring/writes/file-change.ts";

export interface RepositoryTexts {
  /** sitrep.config.yaml as it is. */
  config: string;
  /** Every record file's text by path from the root (incidents/…, postmortems/…, runbooks/…). */
  records: ReadonlyMap<string, string>;
}

export interface FormatStep {
  from: number;
  to: number;
  /** What the step changes, for the command's summary and the release notes. */
  summary: string;
  apply(texts: RepositoryTexts): FileChange[];
}

const FORMAT_LINE = /^format:[ \t]*[^\n#]*?([ \t]*#[^\n]*)?$/m;

/** The config with `format: <n>`: the existing line's value replaced, or a line above the first key. */
export function withFormat(config: string, format: number): string {
  if (FORMAT_LINE.test(config))
    return config.replace(FORMAT_LINE, (_line, comment: string | undefined) => `format: ${format}${comment ?? ""}`);
  const eol = config.includes("\r\n") ? "\r\n" : "\n";
  const firstKey = /^[A-Za-z_"'][^\n]*:/m.exec(config);
  const line = `# The record format these records are written in; \`npx sitrep migrate\` moves it forward.${eol}format: ${format}${eol}${eol}`;
  if (!firstKey) return `${line}${config}`;
  return `${config.slice(0, firstKey.index)}${line}${config.slice(firstKey.index)}`;
}

export const FORMAT_STEPS: readonly FormatStep[] = [
  {
    // Format 1 records did not say which format they were in, so no later change could be told
    // apart from them. Format 2 states it; nothing else about the records changed.
    from: 1,
    to: 2,
    summary: "states the record format in sitrep.config.yaml (`format: 2`)",
    apply: ({ config }) => [{ path: "sitrep.config.yaml", text: withFormat(config, 2) }],
  },
];

/** The steps from `format` to `target`, in order; throws when a step is missing (a sitrep bug). */
export function stepsBetween(format: number, target: number, steps: readonly FormatStep[] = FORMAT_STEPS): FormatStep[] {
  const path: FormatStep[] = [];
  for (let at = format; at < target; ) {
    const step = steps.find((s) => s.from === at);
    if (!step) throw new Error(`No migration step from record format ${at}.`);
    path.push(step);
    at = step.to;
  }
  return path;
}
