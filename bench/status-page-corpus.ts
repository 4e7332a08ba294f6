// A corpus shaped like incidents imported from public status pages (Statuspage-style): 10,000
// incidents over several years, 1–9 updates each with bodies from one line to a few paragraphs,
// 1–4 affected components out of ~40, some maintenance, quoting and non-ASCII text — the shape
// of the 10,088 real incidents the speed targets of issue 11 were measured on. Deterministic.
//
// `broken: true` writes the same corpus with mistakes in most files (~18,000 findings): the
// input of the "validate with many findings" row, where positions must be found cheaply.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { rng } from "./rng.ts";

const COMPONENT_NAMES = [
  "API",
  "Dashboard",
  "Webhooks",
  "Payments",
  "Payouts",
  "Checkout",
  "Card Vault",
  "Identity",
  "Search",
  "Reporting",
  "Notifications",
  "Email Delivery",
  "SMS Delivery",
  "Mobile SDK",
  "CDN",
  "DNS",
  "Status Emails",
  "Billing",
  "Invoices",
  "Data Export",
  "Audit Log",
  "Single Sign-On",
  "Admin Console",
  "Scheduler",
  "Queues",
  "Storage",
  "Backups",
  "Analytics",
  "Realtime",
  "Chat",
  "Voice",
  "Video",
  "Maps",
  "Geocoding",
  "Translations",
  "Marketplace",
  "Integrations",
  "Partner API",
  "EU Region",
  "US Region",
];
const COMPONENTS = COMPONENT_NAMES.map((name) => ({ id: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), name }));
const IMPACTS = ["degraded_performance", "partial_outage", "major_outage"] as const;
const PHRASES = [
  "We are investigating reports of elevated error rates",
  "Some customers may experience failed requests or increased latency",
  "Our engineers have identified the cause and are working on a fix",
  "A fix has been implemented and we are monitoring the results",
  "This incident has been resolved",
  "Requests to the affected endpoints are timing out intermittently",
  "We have rolled back the deployment that introduced the issue",
  "Our upstream provider reports a network issue in one region",
  "Traffic is being rerouted to healthy instances",
  "Delayed processing: events queued during the incident will be delivered",
  "Customers in Europe (Frankfurt) are the most affected",
  "Café-style latency spikes — we're on it",
  "No data was lost, and no action is required from customers",
];

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const quote = (text: string) => JSON.stringify(text);

export function writeStatusPageCorpus(dir: string, options: { incidents: number; broken?: boolean }): void {
  const random = rng(20261130);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "sitrep.config.yaml"),
    [
      "site:",
      "  title: Corpus Status",
      "  url: https://status.example.com/",
      "  timezone: Europe/Berlin",
      "components:",
      ...COMPONENTS.map((c) => `  - id: ${c.id}\n    name: ${quote(c.name)}`),
      "policies:",
      "  postmortem_due_days: 100000",
      "",
    ].join("\n"),
  );
  const start = Date.parse("2019-01-01T00:00:00Z");
  const span = Date.parse("2026-10-01T00:00:00Z") - start;
  for (let i = 0; i < options.incidents; i++) {
    const t0 = start + Math.floor(((i / options.incidents) * span) / 60_000) * 60_000 + Math.floor(random() * 3_600) * 1_000;
    const date = iso(t0).slice(0, 10);
    const maintenance = random() < 0.08;
    const touched = Array.from({ length: 1 + Math.floor(random() * random() * 4) }, () => pick(COMPONENTS).id);
    const components = [...new Set(touched)];
    const statuses = maintenance
      ? ["scheduled", "in_progress", "verifying", "completed"]
      : ["investigating", "identified", "monitoring", "resolved"];
    const count = 1 + Math.floor(random() * random() * 9);
    const updates: string[] = [];
    let at = t0;
    for (let u = 0; u < count; u++) {
      // Within every severity's cadence (SEV1: 15 minutes): the clean corpus has no findings.
      at += Math.floor(random() * 10 + 4) * 60_000 + Math.floor(random() * 60) * 1_000;
      const status = u === count - 1 ? statuses[3] : statuses[Math.min(2, Math.floor((u / count) * 3))];
      const sentences = `${Array.from({ length: 1 + Math.floor(random() * random() * 6) }, () => pick(PHRASES)).join(". ")}.`;
      updates.push(`  - at: ${iso(at)}`, `    status: ${status}`);
      if (sentences.length > 200 && random() < 0.5)
        updates.push("    body: |", ...sentences.match(/.{1,80}(\s|$)/g)!.map((l) => `      ${l.trim()}`));
      else updates.push(`    body: ${quote(sentences)}`);
      if (u === 0 && count > 1 && !maintenance) updates.push("    components:", ...components.map((c) => `      ${c}: ${pick(IMPACTS)}`));
      if (u === count - 1) updates.push("    components:", ...components.map((c) => `      ${c}: operational`));
    }
    const lines = [
      "---",
      `title: ${quote(`${pick(["Elevated errors", "Degraded performance", "Outage", "Delays", "Intermittent failures"])} on ${components.join(", ")}${random() < 0.1 ? ': "follow-up"' : ""}`)}`,
      ...(maintenance
        ? ["type: maintenance", `scheduled_start: ${iso(t0)}`, `scheduled_end: ${iso(at + 3_600_000)}`]
        : [`severity: SEV${1 + Math.floor(random() * 4)}`]),
      `status: ${statuses[3]}`,
      "components:",
      ...components.map((c) => `  ${c}: ${maintenance ? "under_maintenance" : pick(IMPACTS)}`),
      `started_at: ${iso(t0)}`,
      ...(maintenance ? [] : [`resolved_at: ${iso(at)}`]),
      "updates:",
      ...updates,
      "---",
      "",
      `Imported from the public status page (incident ${i}).`,
      "",
    ];
    let text = lines.join("\n");
    if (options.broken) text = breakRecord(text, i, random);
    const folder = path.join(dir, "incidents", date.slice(0, 4));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${date}-status-page-incident-${i}.md`), text);
  }
}

/** About two findings per file on 19 files in 20: schema, reference and consistency mistakes. */
function breakRecord(text: string, i: number, random: () => number): string {
  if (i % 20 === 19) return text;
  let broken = text;
  const mistakes = [
    () => broken.replace(/^status: (resolved|completed)$/m, "status: fixed"),
    () => broken.replace(/^severity: SEV\d$/m, "severity: SEV9"),
    () => broken.replace(/^(  - at: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z$/gm, "$1"),
    () => broken.replace(/^started_at: /m, "started: "),
    () => broken.replace(/^(components:\n  )[a-z-]+:/m, "$1no-such-component:"),
    () => broken.replace(/^(  - at: .*\n    status: )\w+$/m, "$1resolved"),
  ];
  const first = Math.floor(random() * mistakes.length);
  broken = mistakes[first]();
  broken = mistakes[(first + 1 + Math.floor(random() * (mistakes.length - 1))) % mistakes.length]();
  return broken;
}
