// Everything the Astro pages may call, loaded natively by src/lib/sitrep.ts.
export { buildContext, type BuildContext } from "./build-context.ts";
export * from "./views.ts";
export { metricsReport, type MetricsReport } from "./metrics.ts";
export { PUBLISHED_PATHS, type PublishedFile } from "./published.ts";
// The `[...file]` route's files: made on a second thread during a large build (decisions 0196, 0199).
export { placedFiles, startPublishing, type PlacedFile } from "./published-off-thread.ts";
export { buildFailure } from "./build-failure.ts";
export * from "./bars.ts";
export { freshness, FRESHNESS_PATH, type Freshness } from "./freshness.ts";
export * from "./history-index.ts";
export * from "./postmortem-changes.ts";
export * from "./issue-links.ts";
export * from "./search-facets.ts";
export { dashboard, type Dashboard } from "./dashboard.ts";
export type { DashboardData, DurationGroup } from "./dashboard-data.ts";
export { SMALL_SAMPLE } from "./dashboard-data.ts";
export { checkOutDir } from "./out-dir.ts";
// Record times are read by one parser, in the pages too (docs/decisions/0176).
export { isUtcSecondsForm, millis } from "../../scripts/core/time.ts";
export { zonedMinuteAt } from "../../scripts/core/zoned-minute.ts";
export { brandFiles, brandingView, type BrandFile, type BrandingView } from "./branding.ts";
export { overrideAliases, teamPages, teamPagesIntegration, OVERRIDABLE } from "./customisation.ts";
export { scriptsOutsideRoot } from "./scripts-outside-root.ts";
export { incidentOnCall, onCallCalendars, type IncidentOnCall } from "./oncall.ts";
