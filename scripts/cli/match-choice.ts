// One rule for every flag that takes one of a fixed set of values (statuses, impacts,
// severities, formats, groupings): case does not matter (`Identified`, `sev2`, `JSON`), and
// nothing else is guessed (a typo gets a "did you mean", not a silent pick). ADR 0085.

/** The allowed value that `value` names, ignoring case and surrounding spaces. */
export function matchChoice<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  const wanted = value.trim().toLowerCase();
  return allowed.find((choice) => choice.toLowerCase() === wanted);
}
