// What each page shows, as plain data: the published model (scripts/status/published-model.ts)
// reshaped per page. Pages only render these; they never filter or compute. One file per kind
// of page under views/; this module is what site/data/index.ts and the tests import.
// Runs in plain Node beside build-context.ts (see the note there).
export * from "./views/incident-view.ts";
export * from "./views/component-view.ts";
export * from "./views/status-view.ts";
export * from "./views/internal-views.ts";
export * from "./views/subscribe-view.ts";
export { statusLabel } from "../../scripts/model/vocabulary.ts";
/** The site's name for the one duration formatter (scripts/model/duration.ts). */
export { formatDuration as formatMinutes } from "../../scripts/model/duration.ts";
