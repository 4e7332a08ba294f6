// Orders strings by UTF-16 code units: deterministic on every machine and locale, and far
// cheaper than String.prototype.localeCompare (ICU), which showed up in profiles on 10,000 records.

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
