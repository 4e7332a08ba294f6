// The bridge from the bundled pages to the site's data layer (site/data/), which runs as plain
// Node modules rather than inside Vite's bundle: the validator reads schema/ relative to its own
// file, which holds only where the file really lives, and one module instance keeps one loaded
// repository for the whole build. astro.config.ts defines __SITREP_DATA_MODULE__ (its file URL).
import type * as Data from "../../data/index.ts";

declare const __SITREP_DATA_MODULE__: string;

const data: typeof Data = await import(/* @vite-ignore */ __SITREP_DATA_MODULE__);

export const context = data.buildContext();
export const {
  statusView,
  incidentIds,
  incidentView,
  archiveMonths,
  componentIds,
  componentView,
  postmortemIds,
  postmortemView,
  openActionItems,
  runbookViews,
  formatMinutes,
  statusLabel,
  metricsReport,
  placedFiles,
  PUBLISHED_PATHS,
  brandingView,
  brandFiles,
  incidentOnCall,
  barsView,
  dayAnchor,
  RECENT_DAYS,
  BAR_DAYS,
  UPTIME_FORMULA_TEXT,
  impactLabel,
  historyIndex,
  historyMonths,
  publicChanges,
  issueUrl,
  incidentFacets,
  postmortemFacets,
  componentFacets,
  incidentKind,
  dashboard,
  SMALL_SAMPLE,
  freshness,
  FRESHNESS_PATH,
  subscribeView,
  isUtcSecondsForm,
  millis,
  zonedMinuteAt,
} = data;
export type * from "../../data/index.ts";

/** A path inside the site, under the base path: href("incidents/x/") → "/status/incidents/x/". */
export function href(path = ""): string {
  return `${context.base}${path.replace(/^\/+/, "")}`;
}
