// The internal site of the example organisation (SITREP_AUDIENCE=internal), built once per run
// from a git repository with a known history (exampleGitRepo), so its metrics are known figures.
// Shared by internal-site.test.ts (build output) and internal-site.browser.test.ts (Chromium).
import { exampleGitRepo } from "../helpers/example-repo.ts";
import { sharedSite, type SharedSite } from "../helpers/shared-site.ts";

/** One page of each internal type, with text that proves it rendered; `axe`: checked by axe (the drill and the list of runbooks share templates checked elsewhere). */
export const PAGES = [
  { name: "runbooks", path: "runbooks/", expect: "Roll back a Checkout API or Hosted Checkout deploy" },
  { name: "runbook", axe: true, path: "runbooks/checkout-rollback/", expect: "Last reviewed" },
  { name: "metrics", axe: true, path: "metrics/", expect: "Incident metrics" },
  { name: "action items", axe: true, path: "action-items/", expect: "Open action items" },
  { name: "drill", path: "incidents/2026-08-30-gameday-region-evacuation/", expect: "[DRILL]" },
  { name: "internal timeline", axe: true, path: "incidents/2026-11-17-checkout-elevated-errors/", expect: "INTERNAL:" },
  { name: "internal postmortem", axe: true, path: "postmortems/2026-11-17-checkout-elevated-errors/", expect: "Action items" },
];

export function internalSite(): Promise<SharedSite> {
  return sharedSite("internal-example-git", (dir) => {
    exampleGitRepo(undefined, { dir });
    return { audience: "internal" };
  });
}
