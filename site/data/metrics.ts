// The internal build's metrics page: the same computation as `sitrep metrics --json` (the same
// functions, on the repository this build already loaded), so the page and the CLI can never
// disagree. When there is no usable history (no git, no commits, a shallow clone) or git fails,
// the page shows why instead of inventing numbers.
import { SitrepError } from "../../scripts/errors.ts";
import { deriveEvents } from "../../scripts/history/events.ts";
import { historySummary } from "../../scripts/history/load-with-history.ts";
import { computeMetrics } from "../../scripts/metrics/compute-metrics.ts";
import { DEFAULT_SELECTION } from "../../scripts/metrics/selection.ts";
import { buildHistory, type BuildContext } from "./build-context.ts";

export type MetricsReport = { available: true; data: unknown } | { available: false; reason: string };

export async function metricsReport(context: BuildContext): Promise<MetricsReport> {
  if (context.audience !== "internal") return { available: false, reason: "Metrics are only in the internal build." };
  const { repository, now } = context;
  try {
    const history = await buildHistory(context);
    const report = computeMetrics({
      repository,
      history: deriveEvents(history),
      historySummary: historySummary(history),
      selection: DEFAULT_SELECTION,
      now,
    });
    // The JSON document as the CLI prints it (no undefined fields, no class instances).
    return { available: true, data: JSON.parse(JSON.stringify(report)) };
  } catch (error) {
    if (!(error instanceof SitrepError)) throw error;
    return { available: false, reason: `${error.message}${error.hint ? ` ${error.hint}` : ""}` };
  }
}
