// What the pages of one build share: the published model (scripts/status/published-model.ts)
// and the component names. Made once per build. What several pages show (summaries, rendered
// updates, component views, archive months) is cached by the view module that makes it, keyed by
// this Derived (`perBuild`), so this module names none of their types and imports no view.
import { publishedModel, type PublishedModel } from "../../../scripts/status/published-model.ts";
import type { BuildContext } from "../build-context.ts";

export interface Derived {
  /** The build this was derived for. */
  context: BuildContext;
  model: PublishedModel;
  componentNames: Map<string, string>;
}

/** A value made at most once per build: `perBuild(make)(derived)` calls `make` on first use only. */
export function perBuild<T>(make: (derived: Derived) => T): (derived: Derived) => T {
  const cache = new WeakMap<Derived, T>();
  return (derived) => {
    if (cache.has(derived)) return cache.get(derived)!;
    const value = make(derived);
    cache.set(derived, value);
    return value;
  };
}

const derivedCache = new WeakMap<BuildContext, Derived>();

export function derive(context: BuildContext): Derived {
  const cached = derivedCache.get(context);
  if (cached) return cached;
  const { repository, now, audience } = context;
  const derived: Derived = {
    context,
    model: publishedModel(repository, audience, now),
    componentNames: new Map(repository.config.components.map((c) => [c.id, c.name])),
  };
  derivedCache.set(context, derived);
  return derived;
}
