// Characters that act instead of showing: C0 and C1 controls (ESC starts terminal escape
// sequences, NUL truncates), DEL, and the bidirectional overrides and isolates that reorder what
// a reader sees (U+202A–U+202E, U+2066–U+2069, "Trojan Source"). A YAML double-quoted string can
// hold any of them (`"\e[2J"`, `"\u202e"`), so they reached titles and names, and so every
// terminal that printed one. validate refuses them in titles and names (rules/text-characters.ts);
// the terminal printers escape them whatever their source (problem-output.ts, format-pretty.ts).

/** One unsafe character per match; tab and newline are left to the callers that allow them. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, "g");
/** UNSAFE with tab and newline: one search of the whole text, not two tests of every character (validate checks every title). */
const UNSAFE_OR_LINE_BREAK = new RegExp(`[\t\n${UNSAFE.source.slice(1, -1)}]`);

/** The first unsafe character of `text` (tab and newline included), or undefined. */
export function firstControlCharacter(text: string): { index: number; codePoint: string } | undefined {
  const index = text.search(UNSAFE_OR_LINE_BREAK);
  return index === -1 ? undefined : { index, codePoint: codePointName(text[index]) };
}

/** `U+001B`: how a message names a character it must not print. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Text safe to print on a terminal: every unsafe character (not tab or newline) as `\u{1b}`. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE_ALL, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}
