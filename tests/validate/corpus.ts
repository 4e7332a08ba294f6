// The broken-record corpus: each case in tests/fixtures/broken/<case>/ holds files laid over a
// minimal valid repository (tests/fixtures/valid/base/), at their paths from the records root.
// Expected diagnostics live here, next to the reason each case exists.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../helpers/run-cli.ts";
import type { Diagnostic } from "../../scripts/core/diagnostic.ts";

export const baseRepo = path.join(repoRoot, "tests/fixtures/valid/base");
export const brokenDir = path.join(repoRoot, "tests/fixtures/broken");

/** What a test pins of a diagnostic: everything but the wording. */
export type Expected = Pick<Diagnostic, "file" | "line" | "column" | "rule" | "severity">;

export interface CorpusCase {
  name: string;
  expected: Expected[];
  /** Checks on the wording (message and hint), matched against the diagnostic at the same index. */
  text?: { message?: RegExp; hint?: RegExp }[];
  /** False when the case replaces sitrep.config.yaml or would change another case's outcome. */
  combinable?: boolean;
}

const e = (file: string, line: number, column: number, rule: string, severity: "error" | "warning" = "error"): Expected => ({
  file,
  line,
  column,
  rule,
  severity,
});

const I = "incidents/2026/";
const P = "postmortems/";

export const corpus: CorpusCase[] = [
  // --- Reading: encoding, front matter, YAML syntax -------------------------------------------
  { name: "empty-file", expected: [e(`${I}2026-11-15-empty.md`, 1, 1, "file-empty")] },
  {
    name: "invalid-utf8",
    expected: [e(`${I}2026-11-15-latin1.md`, 2, 11, "file-encoding")],
    text: [{ message: /not valid UTF-8.*line 2, column 11/, hint: /UTF-8/ }],
  },
  { name: "front-matter-missing", expected: [e(`${I}2026-11-15-no-front-matter.md`, 1, 1, "front-matter-missing")] },
  { name: "front-matter-unclosed", expected: [e(`${I}2026-11-15-unclosed.md`, 1, 1, "front-matter-unclosed")] },
  { name: "front-matter-list", expected: [e(`${I}2026-11-15-list.md`, 1, 1, "front-matter-not-mapping")] },
  {
    name: "front-matter-blank",
    expected: [e(`${I}2026-11-15-blank.md`, 1, 1, "required-field"), e(`${I}2026-11-15-blank.md`, 1, 1, "required-field")],
    text: [{ message: /`title`/ }, { message: /`status`/ }],
  },
  { name: "yaml-syntax-error", expected: [e(`${I}2026-11-15-bad-yaml.md`, 6, 1, "yaml-syntax")] },
  { name: "tab-indentation", expected: [e(`${I}2026-11-15-tabs.md`, 6, 1, "yaml-tab-indent")], text: [{ hint: /spaces/ }] },
  { name: "duplicate-key", expected: [e(`${I}2026-11-15-dup-key.md`, 5, 1, "yaml-duplicate-key")] },
  { name: "unquoted-colon-value", expected: [e(`${I}2026-11-15-colon.md`, 2, 8, "yaml-syntax")], text: [{ hint: /`: `.*Quote/ }] },
  // js-yaml rejects these and the `yaml` package does not report them; the reason and position still come through.
  { name: "yaml-undefined-alias", expected: [e(`${I}2026-11-15-alias.md`, 7, 14, "yaml-alias")], text: [{ message: /alias `\*lead`/ }] },
  { name: "yaml-unknown-tag", expected: [e(`${I}2026-11-15-tag.md`, 5, 13, "yaml-tag")], text: [{ message: /`!!timestamp`/ }] },
  {
    name: "control-character",
    expected: [e(`${I}2026-11-15-bell.md`, 2, 12, "yaml-syntax")],
    text: [{ message: /non-printable/, hint: /control character/ }],
  },
  { name: "bom-crlf-clean", expected: [] },
  {
    name: "crlf-positions",
    expected: [e(`${I}2026-11-15-crlf.md`, 5, 13, "file-name-date"), e(`${I}2026-11-15-crlf.md`, 8, 3, "component-exists")],
  },
  {
    name: "bom-positions",
    expected: [e(`${I}2026-11-15-bom.md`, 2, 1, "required-field"), e(`${I}2026-11-15-bom.md`, 2, 1, "unknown-field")],
    text: [{ message: /`title`/ }, { message: /`titl`/, hint: /Did you mean `title`\?/ }],
  },

  // --- Schema: fields, types, enums, formats ---------------------------------------------------
  {
    name: "unknown-field",
    expected: [e(`${I}2026-11-15-typo-field.md`, 5, 1, "unknown-field")],
    text: [{ message: /`startd_at`/, hint: /Did you mean `started_at`\?/ }],
  },
  {
    name: "wrong-enum",
    expected: [e(`${I}2026-11-15-bad-status.md`, 4, 9, "invalid-value")],
    text: [{ message: /`resolvd`/, hint: /Did you mean `resolved`\?.*investigating, identified/ }],
  },
  {
    name: "wrong-type",
    expected: [e(`${I}2026-11-15-wrong-type.md`, 6, 8, "wrong-type"), e(`${I}2026-11-15-wrong-type.md`, 7, 11, "wrong-type")],
    text: [{ message: /`drill` must be a boolean/ }, { message: /`runbooks` must be an array/ }],
  },
  {
    name: "time-without-offset",
    expected: [e(`${I}2026-11-15-no-offset.md`, 5, 13, "time-without-offset")],
    text: [{ hint: /2026-11-15T10:00:00Z/ }],
  },
  // ajv also reports the key's failed inner `pattern` as "`components` must match pattern"; only the key's error is useful.
  {
    name: "component-key-not-slug",
    expected: [e(`${I}2026-11-15-upper-key.md`, 8, 3, "invalid-value")],
    text: [{ message: /`Web` is not a valid key/ }],
  },
  { name: "invalid-date", expected: [e("runbooks/bad-date.md", 4, 16, "invalid-format")], text: [{ message: /2026-02-30/ }] },
  { name: "invalid-time", expected: [e(`${I}2026-11-15-bad-time.md`, 6, 14, "invalid-format")] },
  // 22:30 in Chicago written with the file's UTC date and `Z`: 10.5 h ahead; the hint names the time in site.timezone. A future
  // published_at would hide the postmortem. (Replaces the config, for the zone, and the base postmortem.)
  {
    name: "offset-mistake-future",
    combinable: false,
    expected: [
      e(`${I}2026-11-22-label-printing.md`, 13, 9, "not-in-future"),
      e(`${I}2026-11-22-label-printing.md`, 13, 9, "update-cadence", "warning"),
      e(`${P}2026-11-10-api-errors.md`, 5, 15, "not-in-future"),
    ],
    text: [
      {
        message: /updates\[1\]\.at \(2026-11-22T22:30:00Z\) is 10 h 30 min after now/,
        hint: /Did you mean 2026-11-21T22:30:00-06:00 \(22:30 in America\/Chicago, 7 h 30 min ago\)\?/,
      },
      {},
      { message: /`published_at` \(2026-11-23T09:00:00Z\) is 21 h after now/ },
    ],
  },
  {
    name: "required-field-missing",
    expected: [e(`${P}2026-11-20-web-slow.md`, 2, 1, "required-field")],
    text: [{ message: /`status`/ }],
    combinable: false,
  },
  {
    name: "action-item-invalid",
    combinable: false,
    expected: [
      e(`${P}2026-11-20-web-slow.md`, 5, 9, "invalid-value"),
      e(`${P}2026-11-20-web-slow.md`, 7, 12, "invalid-value"),
      e(`${P}2026-11-20-web-slow.md`, 8, 15, "invalid-value"),
      e(`${P}2026-11-20-web-slow.md`, 10, 10, "invalid-format"),
      e(`${P}2026-11-20-web-slow.md`, 11, 13, "invalid-value"),
    ],
  },

  // --- Times and statuses ----------------------------------------------------------------------
  // Open incidents last updated days before TEST_NOW also get the ongoing update-cadence warning.
  {
    name: "milestones-unordered",
    expected: [
      e(`${I}2026-11-15-unordered.md`, 6, 14, "milestones-ordered"),
      e(`${I}2026-11-15-unordered.md`, 8, 14, "milestones-ordered"),
    ],
  },
  {
    name: "update-before-start",
    expected: [
      e(`${I}2026-11-15-early-update.md`, 7, 9, "updates-ordered"),
      e(`${I}2026-11-15-early-update.md`, 7, 9, "update-cadence", "warning"),
    ],
  },
  {
    name: "updates-unordered",
    expected: [
      e(`${I}2026-11-15-update-order.md`, 10, 9, "updates-ordered"),
      e(`${I}2026-11-15-update-order.md`, 16, 9, "updates-ordered"),
      e(`${I}2026-11-15-update-order.md`, 10, 9, "update-cadence", "warning"),
    ],
  },
  {
    name: "status-not-last-update",
    expected: [
      e(`${I}2026-11-15-stale-status.md`, 4, 9, "status-matches-last-update"),
      e(`${I}2026-11-15-stale-status.md`, 10, 9, "update-cadence", "warning"),
    ],
  },
  {
    name: "incident-under-maintenance",
    expected: [
      e(`${I}2026-11-15-planned-looking.md`, 6, 8, "status-matches-type"),
      e(`${I}2026-11-15-planned-looking.md`, 9, 9, "update-cadence", "warning"),
    ],
  },
  {
    name: "maintenance-incident-status",
    expected: [
      e("incidents/2026/2026-12-05-maint-status.md", 4, 9, "status-matches-type"),
      e("incidents/2026/2026-12-05-maint-status.md", 9, 13, "status-matches-type"),
    ],
  },
  { name: "resolved-without-resolved-at", expected: [e(`${I}2026-11-15-no-resolved-at.md`, 4, 9, "resolved-at-required")] },
  { name: "resolved-at-while-open", expected: [e(`${I}2026-11-15-early-resolved-at.md`, 6, 1, "resolved-at-required")] },
  { name: "maintenance-without-window", expected: [e("incidents/2026/2026-12-05-no-window.md", 2, 1, "maintenance-window")] },
  { name: "maintenance-end-before-start", expected: [e("incidents/2026/2026-12-05-backwards-window.md", 6, 16, "maintenance-window")] },
  { name: "window-on-incident", expected: [e(`${I}2026-11-15-incident-window.md`, 6, 1, "maintenance-window")] },

  // --- Severities, components, runbooks --------------------------------------------------------
  { name: "severity-missing", expected: [e(`${I}2026-11-15-no-severity.md`, 2, 1, "severity-exists")] },
  // SEV4 is one edit from SEV1, SEV2 and SEV3: no "did you mean" (it used to suggest SEV1, the most severe).
  {
    name: "severity-unknown",
    expected: [e(`${I}2026-11-15-sev5.md`, 3, 11, "severity-exists")],
    text: [{ message: /`SEV4`/, hint: /^Use one of SEV1 \(Critical\), SEV2 \(Major\), SEV3 \(Minor\)\.$/ }],
  },
  { name: "severity-on-maintenance", expected: [e("incidents/2026/2026-12-05-maint-severity.md", 4, 1, "severity-exists")] },
  {
    name: "component-unknown",
    expected: [e(`${I}2026-11-15-bad-component.md`, 8, 3, "component-exists")],
    text: [{ hint: /Did you mean `web`\?/ }],
  },
  {
    name: "component-unknown-in-update",
    expected: [
      e(`${I}2026-11-15-bad-update-component.md`, 14, 7, "component-exists"),
      e(`${I}2026-11-15-bad-update-component.md`, 10, 9, "update-cadence", "warning"),
    ],
    text: [{ hint: /Did you mean `billing`\?/ }],
  },
  { name: "component-unknown-in-runbook", expected: [e("runbooks/web-cache.md", 5, 5, "component-exists")] },
  {
    name: "runbook-missing",
    expected: [e(`${I}2026-11-15-no-runbook.md`, 8, 5, "runbook-exists")],
    text: [{ hint: /Did you mean `api-restart`\?/ }],
  },

  // --- Ids and file names ----------------------------------------------------------------------
  {
    name: "duplicate-id-across-years",
    expected: [
      e("incidents/2025/2026-11-10-api-errors.md", 2, 1, "file-name-date"),
      e("incidents/2025/2026-11-10-api-errors.md", 2, 1, "id-unique"),
      e("incidents/2026/2026-11-10-api-errors.md", 2, 1, "id-unique"),
    ],
  },
  { name: "file-name-date-mismatch", expected: [e(`${I}2026-11-15-wrong-date.md`, 5, 13, "file-name-date")] },
  {
    name: "file-name-date-offset",
    expected: [e(`${I}2026-11-15-after-midnight-cet.md`, 5, 13, "file-name-date")],
    text: [{ message: /2026-11-14 in UTC/ }],
  },
  { name: "file-name-date-offset-ok", expected: [] },
  { name: "file-name-pattern", expected: [e(`${I}web-outage.md`, 2, 1, "file-name-date")] },
  {
    name: "no-year-folder",
    expected: [e("incidents/2026-11-15-loose.md", 2, 1, "file-name-date")],
    text: [{ message: /not in a year folder/ }],
  },
  {
    name: "wrong-year-folder",
    expected: [e("incidents/2025/2026-11-15-misfiled.md", 2, 1, "file-name-date")],
    text: [{ hint: /incidents\/2026\// }],
  },

  // --- Postmortems -----------------------------------------------------------------------------
  {
    name: "postmortem-incident-missing",
    expected: [e(`${P}2026-11-11-api-errors.md`, 2, 11, "postmortem-incident-exists")],
    text: [{ hint: /Did you mean `2026-11-10-api-errors`\?/ }],
  },
  {
    name: "postmortem-duplicate",
    expected: [
      e(`${P}2026-11-10-api-errors-review.md`, 2, 11, "postmortem-unique"),
      e(`${P}2026-11-10-api-errors-review.md`, 2, 11, "postmortem-unique"),
      e(`${P}2026-11-10-api-errors.md`, 2, 11, "postmortem-unique"),
    ],
  },
  {
    name: "postmortem-misnamed",
    expected: [e(`${P}web-slow-review.md`, 2, 11, "postmortem-unique")],
    text: [{ message: /not named after/ }],
  },
  { name: "action-item-id-duplicate", combinable: false, expected: [e(`${P}2026-11-20-web-slow.md`, 11, 9, "action-item-id-unique")] },
  { name: "published-without-published-at", combinable: false, expected: [e(`${P}2026-11-20-web-slow.md`, 3, 9, "published-at-required")] },
  { name: "published-before-resolved", expected: [e(`${P}2026-11-15-quick-pm.md`, 4, 15, "published-at-required")] },

  // --- Policy (clock-dependent; now = TEST_NOW) ------------------------------------------------
  {
    name: "postmortem-overdue",
    expected: [e(`${I}2026-11-01-checkout-down.md`, 3, 11, "postmortem-required")],
    text: [{ message: /due 2026-11-06/ }],
  },
  { name: "runbook-review-overdue", expected: [e("runbooks/db-failover.md", 4, 16, "runbook-review-overdue", "warning")] },
  { name: "update-cadence-gap", expected: [e(`${I}2026-11-15-quiet.md`, 11, 9, "update-cadence", "warning")] },

  // --- Configuration ---------------------------------------------------------------------------
  {
    name: "config-unknown-field",
    combinable: false,
    expected: [e("sitrep.config.yaml", 4, 3, "unknown-field")],
    text: [{ hint: /Did you mean `timezone`\?/ }],
  },
  {
    name: "config-invalid-url",
    combinable: false,
    expected: [e("sitrep.config.yaml", 3, 8, "invalid-format")],
    text: [{ message: /not a valid uri/, hint: /https:\/\// }],
  },
  // Record formats (docs/upgrading.md): an older one warns and names migrate; a newer one is refused before the schema.
  {
    name: "config-format-old",
    combinable: false,
    expected: [e("sitrep.config.yaml", 1, 1, "record-format-old", "warning")],
    text: [{ message: /record format 1 \(no `format:` in the config\)/, hint: /npx sitrep migrate/ }],
  },
  {
    name: "config-format-newer",
    combinable: false,
    expected: [e("sitrep.config.yaml", 1, 9, "record-format-new")],
    text: [{ message: /record format 3, newer than this sitrep reads/, hint: /npm install sitrep@latest/ }],
  },
  {
    name: "config-brand-color-low-contrast",
    combinable: false,
    expected: [e("sitrep.config.yaml", 5, 16, "config-brand-color")],
    text: [
      {
        message: /#4d90fe has a contrast of 3\.\d\d:1 on the light theme's background/,
        hint: /brand_color: \{ light: "#0550ae", dark: "#4d90fe" \}/,
      },
    ],
  },
  {
    name: "config-not-mapping",
    combinable: false,
    expected: [e("sitrep.config.yaml", 1, 1, "front-matter-not-mapping")],
    text: [{ message: /configuration must be a mapping/, hint: /config\.schema\.json/ }],
  },
  { name: "config-duplicate-component", combinable: false, expected: [e("sitrep.config.yaml", 11, 9, "config-unique-ids")] },
  { name: "config-duplicate-severity", combinable: false, expected: [e("sitrep.config.yaml", 20, 9, "config-unique-ids")] },
  {
    name: "config-yaml-error",
    combinable: false,
    expected: [e("sitrep.config.yaml", 7, 4, "yaml-syntax"), e("sitrep.config.yaml", 8, 1, "yaml-syntax")],
  },
  { name: "bom-config", combinable: false, expected: [] },
];

/** A temp repository: the valid base with the given cases laid over it. */
export function buildRepo(caseNames: readonly string[], prefix = "sitrep-corpus-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(baseRepo, dir, { recursive: true });
  for (const name of caseNames) cpSync(path.join(brokenDir, name), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function pick(d: Diagnostic): Expected {
  return { file: d.file, line: d.line, column: d.column, rule: d.rule, severity: d.severity };
}

/** The order validateRepository reports in (file, line, column, rule). */
export function sortExpected(list: Expected[]): Expected[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
