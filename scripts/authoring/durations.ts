// Human-readable durations and UTC times for generated text ("1 h 20 min", "2026-11-22 11:40"). Pure.

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "unknown";
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} d` : "", hours ? `${hours} h` : "", rest || (!days && !hours) ? `${rest} min` : ""];
  return parts.filter(Boolean).join(" ");
}

export function between(from: string | undefined, to: string | undefined): string | undefined {
  return from && to ? formatDuration(Date.parse(to) - Date.parse(from)) : undefined;
}

/** `2026-11-22 11:40` in UTC. */
export function utcMinute(time: string): string {
  return new Date(Date.parse(time)).toISOString().slice(0, 16).replace("T", " ");
}
