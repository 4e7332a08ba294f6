// What one build publishes: the records its audience may see, as known at `now`
// (model/as-of.ts), with the model's facts of each, and the postmortems it may show. Every
// publisher (pages, API, feeds, badges, calendar) starts here, and a build computes it once.
import type { Config, IncidentRecord, PostmortemRecord, Repository } from "../records/record-types.ts";
import { recordsAsOf } from "../model/as-of.ts";
import { incidentFacts, type IncidentFacts } from "../model/incident-facts.ts";
import { incidentsFor, postmortemsFor, type Audience } from "./audience.ts";
import { componentStates, overallStatus, type ComponentState } from "./current-status.ts";
import type { Indicator } from "../model/vocabulary.ts";
import { toMillis } from "../core/time.ts";

export interface PublishedModel {
  config: Config;
  now: Date;
  audience: Audience;
  /** Visible records as known at `now`, in repository order. */
  incidents: IncidentRecord[];
  facts: IncidentFacts[];
  byId: Map<string, IncidentFacts>;
  postmortems: PostmortemRecord[];
  /** Every configured component's status at `now`. */
  states: ComponentState[];
  overall: { indicator: Indicator; description: string };
}

const cache = new WeakMap<Repository, Map<string, PublishedModel>>();

export function publishedModel(repository: Repository, audience: Audience, now: Date): PublishedModel {
  const key = `${audience}@${now.getTime()}`;
  let byKey = cache.get(repository);
  if (byKey === undefined) cache.set(repository, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  const { config } = repository;
  const incidents = recordsAsOf(incidentsFor(repository, audience), now);
  const facts = incidents.map((record) => incidentFacts(record, config, now));
  const states = componentStates(config, facts);
  const model: PublishedModel = {
    config,
    now,
    audience,
    incidents,
    facts,
    byId: new Map(facts.map((f) => [f.id, f])),
    // Like updates, a postmortem dated after `now` is not out yet, in any output.
    postmortems: postmortemsFor(repository, audience).filter((p) => !((toMillis(p.data.published_at) ?? -Infinity) > now.getTime())),
    states,
    overall: overallStatus(states, facts),
  };
  byKey.set(key, model);
  return model;
}
