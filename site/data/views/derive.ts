// What the pages of one build share: the published model (scripts/status/published-model.ts)
// and caches of what several pages show (summaries, rendered updates). Made once per build.
import { publishedModel, type PublishedModel } from "../../../scripts/status/published-model.ts";
import type { BuildContext } from "../build-context.ts";
import type { ComponentView } from "./component-view.ts";
import type { IncidentSummary, UpdateView } from "./incident-view.ts";
import type { MonthView } from "./status-view.ts";

export interface Derived {
  model: PublishedModel;
  componentNames: Map<string, string>;
  /** Summaries are shown on several pages (status, archive, component history); made once each. */
  summaries: Map<string, IncidentSummary>;
  /** Rendered updates by `<incident id>#<index>`: the latest update appears on several pages. */
  updates: Map<string, UpdateView>;
  components?: Map<string, ComponentView>;
  months?: MonthView[];
}

const derivedCache = new WeakMap<BuildContext, Derived>();

export function derive(context: BuildContext): Derived {
  const cached = derivedCache.get(context);
  if (cached) return cached;
  const { repository, now, audience } = context;
  const derived: Derived = {
    model: publishedModel(repository, audience, now),
    componentNames: new Map(repository.config.components.map((c) => [c.id, c.name])),
    summaries: new Map(),
    updates: new Map(),
  };
  derivedCache.set(context, derived);
  return derived;
}
