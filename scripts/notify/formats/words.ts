// Small phrases every format shares. Pure.
import type { Message } from "../message.ts";
import { toMillis, utcDate } from "../../core/time.ts";

/** "Scheduled 2026-12-01 02:00 – 04:00 UTC" for maintenance, else "Posted 2026-11-17 11:34 UTC". */
export function whenLine(message: Message): string {
  if (message.window?.from) {
    const until = message.window.until ? ` – ${utc(message.window.until, message.window.from)}` : "";
    return `Window ${utc(message.window.from)}${until} UTC`;
  }
  return message.at ? `Posted ${utc(message.at)} UTC` : "";
}

/** "2026-11-17 11:34" (UTC); only the time when it is on the same day as `sameDayAs`. */
function utc(iso: string, sameDayAs?: string): string {
  const ms = toMillis(iso) ?? Number.NaN;
  if (Number.isNaN(ms)) return iso;
  const text = new Date(ms).toISOString().slice(0, 16).replace("T", " ");
  if (sameDayAs && toMillis(sameDayAs) !== undefined && utcDate(sameDayAs) === text.slice(0, 10)) return text.slice(11);
  return text;
}
