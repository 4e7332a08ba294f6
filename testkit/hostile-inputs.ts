// The hostile inputs of the red-team pass, generated (no megabyte fixtures): shared by the
// behavioural tests (tests/validate/bounded-corpus.test.ts) and the bench that times them
// (bench/rows/hostile-inputs.ts), so both measure the same text.
export const hostile = {
  /** `>>>…> x`: one blockquote per `>` (remark overflowed its stack at ~2,000). */
  nestedQuotes: (n: number) => `${">".repeat(n)} x`,
  /** `- - - … x`: one nested list per `- ` (10 kB took 13 s). */
  nestedDashes: (n: number) => `${"- ".repeat(n)}x`,
  /** A list nested by indentation, one level per line. */
  indentedLists: (n: number) => Array.from({ length: n }, (_, i) => `${" ".repeat(i * 2)}- x`).join("\n"),
  /** Unclosed `[` (100 kB took 27 s). */
  brackets: (n: number) => "[".repeat(n),
  /** A heading of spaces (the heading regex took 49 s on 5,000). */
  spacedHeading: (n: number) => `##${" ".repeat(n)}x`,
  /** Two words between blank lines (the newline trim took 51 s on 250 kB). */
  blankLines: (n: number) => `a${"\n".repeat(n)}b`,
  /** `k0: 1` … front matter lines of unknown fields (the position lookup took 35 s on 40,000). */
  unknownKeys: (n: number) => Array.from({ length: n }, (_, i) => `k${i}: 1\n`).join(""),
  /** The `updates:` line of an alias bomb padded to `bytes`: `[&u {…20 kB…}, *u, *u, …]` expands to (bytes / 4) × 20 kB. */
  aliasBombField: (bytes: number) => {
    const head = `updates: [&u {at: 2026-11-15T10:05:00Z, status: investigating, body: "${"x".repeat(20_000)}"}`;
    return `${head}${", *u".repeat(Math.floor((bytes - head.length - 200) / 4))}]\n`;
  },
  /** `[[[[…` or `{{{{…` unclosed YAML flow collections (735 MB in the position-keeping parser). */
  flowNesting: (open: string, n: number) => open.repeat(n),
};
