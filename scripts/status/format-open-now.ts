// `sitrep status` as text: one block per open incident and maintenance window, times in the
// site's zone with how long ago or ahead they are ("05:48 (12 min ago)"), an overdue update marked
// so it stands out. Pure: data in, text out (colour only when asked).
import { styleText } from "node:util";
import { formatDuration } from "../model/duration.ts";
import { STATUS_LABELS, type ComponentStatus } from "../model/vocabulary.ts";
import type { OpenItem, OpenNow } from "./open-now.ts";
import { SITREP } from "../core/run-sitrep.ts";

function clock(ms: number, nowMs: number, timeZone: string): string {
  const local = (t: number, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { timeZone, ...options }).format(t);
  const time = local(ms, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const day = (t: number) => local(t, { year: "numeric", month: "short", day: "numeric" });
  if (day(ms) === day(nowMs)) return time;
  const sameYear = local(ms, { year: "numeric" }) === local(nowMs, { year: "numeric" });
  return `${local(ms, sameYear ? { month: "short", day: "numeric" } : { year: "numeric", month: "short", day: "numeric" })} ${time}`;
}

/** "12 min ago", "in 18 min". */
export function relative(ms: number, nowMs: number): string {
  const minutes = (ms - nowMs) / 60_000;
  if (Math.abs(minutes) < 1) return "now";
  return minutes < 0 ? `${formatDuration(-minutes)} ago` : `in ${formatDuration(minutes)}`;
}

export function formatOpenNow(report: OpenNow, options: { color: boolean }): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) =>
    options.color ? styleText(format, text, { validateStream: false }) : text;
  const nowMs = Date.parse(report.now);
  const zoneName =
    new Intl.DateTimeFormat("en-US", { timeZone: report.timezone, timeZoneName: "short" })
      .formatToParts(nowMs)
      .find((p) => p.type === "timeZoneName")?.value ?? report.timezone;
  const at = (time: string) => `${clock(Date.parse(time), nowMs, report.timezone)} (${relative(Date.parse(time), nowMs)})`;
  const components = (item: OpenItem) =>
    Object.entries(item.components)
      .map(([id, impact]) => `${id} ${(STATUS_LABELS[impact as ComponentStatus] ?? impact).toLowerCase()}`)
      .join(", ") || "no component impact";

  const lines = [`Times in ${report.timezone} (${zoneName}); now ${clock(nowMs, nowMs, report.timezone)}.`, ""];
  lines.push(report.incidents.length === 0 ? "No open incidents." : `Open incidents (${report.incidents.length}):`);
  for (const item of report.incidents) {
    const kind = [
      item.type === "near_miss" ? "near-miss" : undefined,
      item.drill ? "drill" : undefined,
      item.public ? undefined : "internal",
    ]
      .filter(Boolean)
      .join(", ");
    lines.push("", `  ${paint("bold", item.severity ?? "")}  ${item.id}  ${item.status}${kind ? `  (${kind})` : ""}`);
    lines.push(`        ${item.title}`);
    lines.push(`        commander ${item.commander ?? "— (none recorded)"} · ${components(item)}`);
    const last = item.lastUpdate ? `last update ${at(item.lastUpdate.at)}` : "no update yet";
    let next = "";
    if (item.nextUpdateDue) {
      next =
        item.overdueMinutes > 0
          ? paint(
              ["red", "bold"],
              `next update OVERDUE by ${formatDuration(item.overdueMinutes)} (was due ${clock(Date.parse(item.nextUpdateDue), nowMs, report.timezone)})`,
            )
          : `next update due ${at(item.nextUpdateDue)}`;
    } else if (!item.public) {
      next = "nothing is published";
    }
    lines.push(`        ${[last, next].filter(Boolean).join(" · ")}`);
    if (item.overdueMinutes > 0) lines.push(`        ${SITREP} update ${item.id} --message "…"`);
  }
  lines.push(
    "",
    report.maintenance.length === 0 ? "No maintenance under way or scheduled." : `Maintenance (${report.maintenance.length}):`,
  );
  for (const item of report.maintenance) {
    lines.push("", `  ${item.id}  ${item.status}`);
    lines.push(`        ${item.title}`);
    if (item.window) lines.push(`        window ${at(item.window.start)} – ${at(item.window.end)} · ${components(item)}`);
  }
  return lines.join("\n");
}
