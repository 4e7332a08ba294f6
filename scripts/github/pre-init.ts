// Whether a repository still holds the template's example configuration (the fictional company
// Lumen, site.url https://status.lumen.example): a copy of the template before `sitrep init`, or
// this repository itself. Its workflows then schedule nothing and open no issue — a new copy would
// otherwise get the examples' action-item issues, a weekly review issue and a full build every 15
// minutes of a site that cannot be reached (issue 22, M5). The same test init uses to tell the
// template's config from a team's own. Pure.
import { EXAMPLE_SITE_URL } from "../records/example-site.ts";

/** Why this is still the example configuration, or undefined when it is the team's own. */
export function exampleConfigurationReason(siteUrl: string | undefined): string | undefined {
  if (siteUrl?.replace(/\/+$/, "") !== EXAMPLE_SITE_URL) return undefined;
  return `sitrep.config.yaml is still the template's example (site.url ${EXAMPLE_SITE_URL}): run \`npx sitrep init\` to make it your own; until then the scheduled workflows do nothing and open no issue`;
}
