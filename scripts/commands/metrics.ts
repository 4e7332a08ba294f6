// `sitrep metrics`: how fast we detect, acknowledge, mitigate and resolve, postmortems and
// action items against policy — from the records and their git history.
import type { Command } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { UsageError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { historySummary, loadWithHistory } from "../history/load-with-history.ts";
import { computeMetrics, type MetricsReport } from "../metrics/compute-metrics.ts";
import { formatMetrics } from "../metrics/format-metrics.ts";
import { loadSchedules } from "../oncall/load-schedules.ts";
import { SELECTION_OPTIONS, groupByFromFlag, selectionFromFlags } from "../cli/selection-flags.ts";

type Format = "text" | "json" | "markdown";

export const command: Command<{ report: MetricsReport; format: Format }> = {
  spec: {
    name: "metrics",
    summary: "Incident metrics (TTD, TTA, TTM, TTR, …) from the records and git history.",
    usage:
      "sitrep metrics [--since date] [--until date] [--severity ids] [--component ids] [--by severity|component|quarter|month] [--include-drills] [--include-near-misses] [--json|--markdown]",
    description:
      "Durations come from the recorded times; declaration lag and action-item dates from git history\n" +
      "(the main line, first parent). Needs the full history: a shallow clone is an error (fetch-depth: 0).\n" +
      "Each distribution shows n, median, p90, mean and max; groups with n < 5 are marked too small to compare.\n" +
      "Drills and near-misses are left out unless asked; maintenance never counts. JSON shape: docs/metrics.md.",
    options: {
      ...SELECTION_OPTIONS,
      by: { type: "string", valueName: "severity|component|quarter|month", description: "Also report each group separately." },
      json: jsonOption("Print the versioned JSON document (docs/metrics.md)."),
      markdown: { type: "boolean", description: "Print Markdown (for $GITHUB_STEP_SUMMARY)." },
    },
    examples: [
      "npx sitrep metrics",
      "npx sitrep metrics --by quarter --since 2026-01-01",
      "npx sitrep metrics --severity SEV1,SEV2 --by component",
      "npx sitrep metrics --json > metrics.json",
      'npx sitrep metrics --markdown >> "$GITHUB_STEP_SUMMARY"',
    ],
  },

  async run({ values, cwd, now }) {
    if (values.json && values.markdown) throw new UsageError("--json and --markdown cannot be combined.", "Pick one output format.");
    const groupBy = groupByFromFlag(values.by);
    const root = findRecordsRoot(cwd);
    const { repository, history, events } = await loadWithHistory(root, now);
    const selection = selectionFromFlags(values, repository.config);
    const report = computeMetrics({
      repository,
      history: events,
      historySummary: historySummary(history),
      selection,
      groupBy,
      now,
      // Already validated with the records (validate reads oncall/ too).
      schedules: loadSchedules(root).schedules,
    });
    return { report, format: values.json ? "json" : values.markdown ? "markdown" : "text" };
  },

  present({ report, format }) {
    if (format === "json") return { stdout: JSON.stringify(report, null, 2), exitCode: 0 };
    return { stdout: formatMetrics(report, format), exitCode: 0 };
  },
};
