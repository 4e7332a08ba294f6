// The rule ids reported while reading a file or the config (encoding, front matter, YAML,
// schema), before the cross-record rules of rules/index.ts run. Together they are every id
// `sitrep validate` can report; docs/validation.md documents each, checked by a test, and the
// broken-record corpus must produce no id missing here.
import type { DiagnosticSeverity } from "../core/diagnostic.ts";

export const FILE_RULES: readonly { id: string; severity: DiagnosticSeverity }[] = [
  { id: "file-empty", severity: "error" },
  { id: "file-encoding", severity: "error" },
  { id: "file-too-large", severity: "error" },
  { id: "file-not-regular", severity: "error" },
  { id: "file-unreadable", severity: "error" },
  { id: "front-matter-missing", severity: "error" },
  { id: "line-endings", severity: "error" },
  { id: "front-matter-unclosed", severity: "error" },
  { id: "front-matter-not-mapping", severity: "error" },
  { id: "yaml-syntax", severity: "error" },
  { id: "yaml-duplicate-key", severity: "error" },
  { id: "yaml-tab-indent", severity: "error" },
  { id: "yaml-alias", severity: "error" },
  { id: "yaml-tag", severity: "error" },
  { id: "config-missing", severity: "error" },
  { id: "config-unique-ids", severity: "error" },
  { id: "notification-field-type", severity: "error" },
  { id: "notification-unknown-severity", severity: "error" },
  { id: "notification-unknown-component", severity: "error" },
  { id: "notification-severity-impact", severity: "warning" },
  { id: "config-site-url", severity: "error" },
  { id: "config-timezone", severity: "error" },
  { id: "unknown-field", severity: "error" },
  { id: "required-field", severity: "error" },
  { id: "invalid-value", severity: "error" },
  { id: "wrong-type", severity: "error" },
  { id: "time-without-offset", severity: "error" },
  { id: "invalid-format", severity: "error" },
];
