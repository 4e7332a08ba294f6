// A collision-free incident id: <date>-<slug>, then -2, -3 … when taken in any year folder. Pure.

export function uniqueIncidentId(date: string, slug: string, taken: ReadonlySet<string>): string {
  const base = `${date}-${slug}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** incidents/<year>/<id>.md for an id that starts with its date. */
export function incidentPath(id: string): string {
  return `incidents/${id.slice(0, 4)}/${id}.md`;
}
