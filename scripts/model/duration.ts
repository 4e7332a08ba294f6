// The one way sitrep writes a length of time for people: the site, the CLI tables, the weekly
// report and generated postmortem text all say "45 min", "2 h 5 min", "3 d 4 h".

/** Minutes as "30 s", "45 min", "2 h 5 min", "2 h", "3 d 4 h", "3 d"; "–" for null. */
export function formatDuration(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return "–";
  const sign = minutes < 0 ? "-" : "";
  const abs = Math.abs(minutes);
  if (abs > 0 && abs < 1) return `${sign}${Math.round(abs * 60)} s`;
  const whole = Math.round(abs);
  if (whole < 60) return `${sign}${whole} min`;
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const rest = whole % 60;
  if (days > 0) return `${sign}${days} d${hours > 0 ? ` ${hours} h` : ""}`;
  return `${sign}${hours} h${rest > 0 ? ` ${rest} min` : ""}`;
}
