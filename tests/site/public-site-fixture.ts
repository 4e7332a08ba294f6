// The public site of the example organisation, as the public-site tests check it: built once per
// run (under /status/, like a GitHub Pages project site, with Pagefind), with a probe record
// whose Markdown tries to run script. Shared by public-site.test.ts and public-features.test.ts
// (build output) and public-site.browser.test.ts and public-features.browser.test.ts (Chromium).
// One build for all four: the public-features files had their own build of the same records at
// the root of the domain (/), which cost a build and a Pagefind index more (decision 0186); a site
// at the root is built by the packed-records-repository, lifecycle and consistency tests.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { copyExampleRecords } from "../helpers/example-repo.ts";
import { sharedSite, type SharedSite } from "../helpers/shared-site.ts";

/** One page of each type, with text that proves it rendered; `axe`: a representative of its template for axe. */
export const PAGES = [
  { name: "status", axe: true, path: "", heading: "Components", expect: "Slow payout status in the API and dashboard" },
  { name: "history", path: "history/", heading: "Incident history", expect: "November 2026" },
  { name: "history quarter", path: "history/2026-q3/", heading: "Incident history", expect: "September 2026" },
  { name: "history month", axe: true, path: "history/2026-11/", heading: "November 2026", expect: "Elevated checkout errors" },
  {
    name: "incident",
    axe: true,
    path: "incidents/2026-11-17-checkout-elevated-errors/",
    heading: "Elevated checkout errors",
    expect: "The rollback is complete",
  },
  {
    name: "active incident",
    path: "incidents/2026-11-21-payout-status-latency/",
    heading: "Slow payout status in the API and dashboard",
    expect: "Ongoing",
  },
  {
    name: "maintenance",
    path: "incidents/2027-02-10-card-vault-hsm-migration/",
    heading: "Card vault hardware security module migration",
    expect: "Scheduled",
  },
  { name: "component", axe: true, path: "components/checkout-api/", heading: "Checkout API", expect: "Days with impact" },
  { name: "postmortem", axe: true, path: "postmortems/2026-05-19-checkout-outage/", heading: "Postmortem", expect: "Incident:" },
  { name: "subscribe", axe: true, path: "subscribe/", heading: "Subscribe to updates", expect: "/feed subscribe" },
  { name: "search", axe: true, path: "search/", heading: "Search", expect: "Search incidents, postmortems and components" },
  { name: "404", axe: true, path: "no-such-page/", heading: "Page not found", expect: "Current status", status: 404 },
];

export const PROBE = `---
title: "Probe <script>window.__pwned = 'title'</script>"
severity: SEV4
status: resolved
components:
  reporting: degraded_performance
started_at: 2026-11-10T10:00:00Z
detected_at: 2026-11-10T10:01:00Z
resolved_at: 2026-11-10T10:30:00Z
updates:
  - at: 2026-11-10T10:05:00Z
    status: investigating
    body: "Exports are slow <img src=x onerror=\\"window.__pwned = 'update'\\"> still."
  - at: 2026-11-10T10:30:00Z
    status: resolved
    body: Resolved.
---

Probe body <script>window.__pwned = "body"</script> with <img src="x" onerror="window.__pwned = 'img'">
and [a link](javascript:window.__pwned='link') and <a href="#" onclick="window.__pwned='click'">click</a>.
`;

export const PUBLIC_BASE = "/status/";

export function publicSite(): Promise<SharedSite> {
  return sharedSite("public-example", (dir) => {
    copyExampleRecords(dir);
    writeFileSync(path.join(dir, "incidents/2026/2026-11-10-probe.md"), PROBE);
    return { siteUrl: "https://lumen.example.github.io/status/", pagefind: true };
  });
}
