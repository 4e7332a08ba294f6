// The example records the sitrep template ships (the fictional company "Lumen"). `sitrep init`
// removes exactly these paths and treats every other record as the team's own: a record is an
// example when its path is listed here, whatever its content. A test keeps this list equal to
// the bundled examples, so adding an example without listing it fails CI. See docs/decisions/0050.

/** site.url of the template's configuration: a config with another URL is already a team's own. */
export { EXAMPLE_SITE_URL } from "../../records/example-site.ts";

export const EXAMPLE_RECORD_PATHS: readonly string[] = [
  "incidents/2026/2026-05-07-card-vault-latency.md",
  "incidents/2026/2026-05-19-checkout-outage.md",
  "incidents/2026/2026-06-03-webhook-delays.md",
  "incidents/2026/2026-06-16-dashboard-login-errors.md",
  "incidents/2026/2026-06-27-reporting-export-delays.md",
  "incidents/2026/2026-07-08-psp-timeouts.md",
  "incidents/2026/2026-07-22-certificate-expiry-near-miss.md",
  "incidents/2026/2026-08-04-payout-batch-delay.md",
  "incidents/2026/2026-08-19-database-failover.md",
  "incidents/2026/2026-08-30-gameday-region-evacuation.md",
  "incidents/2026/2026-09-10-public-api-rate-limit-errors.md",
  "incidents/2026/2026-09-24-reconciliation-job-delay.md",
  "incidents/2026/2026-10-06-3ds-challenge-failures.md",
  "incidents/2026/2026-10-14-ledger-database-upgrade.md",
  "incidents/2026/2026-10-27-merchant-dashboard-slow.md",
  "incidents/2026/2026-11-03-webhook-signature-errors.md",
  "incidents/2026/2026-11-12-two-factor-sms-delays.md",
  "incidents/2026/2026-11-17-checkout-elevated-errors.md",
  "incidents/2026/2026-11-21-payout-status-latency.md",
  "incidents/2027/2027-02-10-card-vault-hsm-migration.md",
  "postmortems/2026-05-19-checkout-outage.md",
  "postmortems/2026-06-03-webhook-delays.md",
  "postmortems/2026-07-08-psp-timeouts.md",
  "postmortems/2026-08-19-database-failover.md",
  "postmortems/2026-09-10-public-api-rate-limit-errors.md",
  "postmortems/2026-10-06-3ds-challenge-failures.md",
  "postmortems/2026-11-17-checkout-elevated-errors.md",
  "runbooks/certificate-renewal.md",
  "runbooks/checkout-rollback.md",
  "runbooks/postgres-failover.md",
  "runbooks/psp-failover.md",
  "runbooks/webhook-backlog.md",
  "oncall/payments-secondary.yaml",
  "oncall/platform-primary.yaml",
];

/**
 * The template's severity descriptions (about the example company's merchants and payments) and
 * the neutral ones `init` puts in their place. Only a description still word for word the
 * template's is replaced: one a team has edited is theirs.
 */
export const NEUTRAL_SEVERITY_DESCRIPTIONS: readonly { id: string; template: string; text: string }[] = [
  {
    id: "SEV1",
    template: "Most merchants cannot take payments or payments are being processed incorrectly; data integrity or security at risk.",
    text: "Most customers cannot use the product, or its core function gives wrong results; data integrity or security at risk.",
  },
  {
    id: "SEV2",
    template: "A core payment flow is failing or severely degraded for a significant share of merchants or shoppers; no workaround.",
    text: "A core feature is failing or severely degraded for a significant share of customers; no workaround.",
  },
  {
    id: "SEV3",
    template: "A secondary feature is degraded or a core flow is impaired for few merchants, or a workaround exists.",
    text: "A secondary feature is degraded, or a core feature is impaired for few customers, or a workaround exists.",
  },
];
