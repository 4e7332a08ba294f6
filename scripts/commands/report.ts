// `sitrep report --week 2026-W47`: the weekly incident-review report, as Markdown.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadSchedules } from "../oncall/load-schedules.ts";
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { SitrepError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { loadWithHistory } from "../history/load-with-history.ts";
import { isoWeekOf, parseIsoWeek, shiftWeek } from "../metrics/iso-week.ts";
import { weeklyReport, type WeeklyReport } from "../metrics/weekly-report.ts";
import { formatWeeklyReport } from "../metrics/format-report.ts";

export const command: Command<{ report: WeeklyReport; markdown: string; output: string | null; json: boolean }> = {
  spec: {
    name: "report",
    summary: "Write the weekly incident-review report (Markdown).",
    usage: "sitrep report [--week YYYY-Www] [--output file] [--include-drills] [--include-near-misses] [--json]",
    description:
      "Incidents declared and resolved in the ISO week, incidents that need a postmortem and have none,\n" +
      "overdue action items by owner, action-item completion for each of the last 8 weeks (from history),\n" +
      "update cadence gaps and runbooks overdue for review — judged as of the end of the week.\n" +
      "The week defaults to the last complete ISO week. Needs full git history (fetch-depth: 0).",
    options: {
      week: { type: "string", valueName: "YYYY-Www", description: "The ISO week, e.g. 2026-W47 (default: last complete week)." },
      output: { type: "string", short: "o", valueName: "file", description: "Write the Markdown to this file instead of stdout." },
      "include-drills": { type: "boolean", description: "Count game-day drills too." },
      "include-near-misses": { type: "boolean", description: "Count near-misses too." },
      json: jsonOption("Print the report's data as JSON instead of Markdown."),
    },
    examples: [
      "npx sitrep report",
      "npx sitrep report --week 2026-W47 --output reports/2026-W47.md",
      'npx sitrep report --week 2026-W47 >> "$GITHUB_STEP_SUMMARY"',
    ],
  },

  async run({ values, cwd, now }) {
    const week = typeof values.week === "string" ? parseIsoWeek(values.week) : shiftWeek(isoWeekOf(now), -1);
    const root = findRecordsRoot(cwd);
    const { repository, events } = await loadWithHistory(root, now);
    const selection = {
      severities: [],
      components: [],
      includeDrills: values["include-drills"] === true,
      includeNearMisses: values["include-near-misses"] === true,
    };
    // The schedules were validated with the records (validate reads oncall/ too).
    const report = weeklyReport(repository, events, week, selection, now, loadSchedules(root).schedules);
    const markdown = formatWeeklyReport(report);
    let output: string | null = null;
    if (typeof values.output === "string") {
      output = path.resolve(cwd, values.output);
      try {
        mkdirSync(path.dirname(output), { recursive: true });
        writeFileSync(output, markdown);
      } catch (error) {
        throw new SitrepError(`Could not write ${output}: ${(error as Error).message}`, { hint: "Check that the path is writable." });
      }
    }
    return { report, markdown, output, json: values.json === true };
  },

  present({ report, markdown, output, json }) {
    if (json) return { stdout: JSON.stringify(report, null, 2), exitCode: 0 };
    if (output) return { stdout: `Wrote the ${report.week.label} report to ${output}.`, exitCode: 0 };
    return { stdout: markdown, exitCode: 0 };
  },
};
