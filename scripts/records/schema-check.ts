// Checks data against schema/*.schema.json with ajv (all errors, formats) and turns each
// ajv error into a finding with a rule id, a plain message and a hint.
import type { ErrorObject, ValidateFunction } from "ajv";
import * as compiled from "./compiled-validators.js";
import type { Finding } from "./finding.ts";
import { closest } from "./closest.ts";
import { readTime } from "../core/time.ts";

export type SchemaKind = "incident" | "postmortem" | "runbook" | "config" | "oncall";

// Compiled ahead of time from schema/*.schema.json (see generate-validators.ts).
const validators: Record<SchemaKind, ValidateFunction> = compiled;

/** Checks `data` and fills in the schema's defaults where fields are missing (in place). */
export function checkSchema(kind: SchemaKind, file: string, data: unknown): Finding[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return [
      {
        file,
        rule: "front-matter-not-mapping",
        severity: "error",
        path: [],
        line: 1,
        column: 1,
        message:
          kind === "config"
            ? "The configuration must be a mapping of fields."
            : "Front matter must be a mapping of fields (`key: value` lines).",
        hint:
          kind === "config"
            ? "Write one `field: value` per line, starting with `site:` and `components:`; schema/config.schema.json describes every field."
            : "Write one `field: value` per line; see the folder's _template.md.",
      },
    ];
  }
  const validate = validators[kind];
  if (validate(data)) return [];
  return capUnknownFields(file, (validate.errors ?? []).filter(isReportable));
}

/** Unknown fields reported per mapping; the last one reported counts the rest. */
export const UNKNOWN_FIELDS_SHOWN = 20;

/**
 * Findings for the errors, with at most UNKNOWN_FIELDS_SHOWN unknown fields per mapping: a file
 * of 40,000 unknown keys made 40,000 findings (20 MB of report, seconds to build), which help no
 * one more than the first few and a count (as the YAML alias findings count theirs).
 */
function capUnknownFields(file: string, errors: ErrorObject[]): Finding[] {
  const unknownIn = new Map<string, number>();
  for (const error of errors)
    if (error.keyword === "additionalProperties") unknownIn.set(error.instancePath, (unknownIn.get(error.instancePath) ?? 0) + 1);
  const seen = new Map<string, number>();
  const findings: Finding[] = [];
  for (const error of errors) {
    if (error.keyword !== "additionalProperties") {
      findings.push(toFinding(file, error));
      continue;
    }
    const count = (seen.get(error.instancePath) ?? 0) + 1;
    seen.set(error.instancePath, count);
    if (count > UNKNOWN_FIELDS_SHOWN) continue;
    const finding = toFinding(file, error);
    const total = unknownIn.get(error.instancePath) ?? 0;
    if (count === UNKNOWN_FIELDS_SHOWN && total > count) {
      finding.message = `${finding.message.replace(/\.$/, "")} (and ${(total - count).toLocaleString("en")} more unknown fields here).`;
    }
    findings.push(finding);
  }
  return findings;
}

/**
 * `if`/`then` wrappers and `$ref` echoes add nothing a reader can act on; neither do the inner
 * errors of `propertyNames` (ajv reports the key's failed `pattern` with `propertyName` set, as
 * "`components` must match pattern …", beside the propertyNames error that names the key).
 */
function isReportable(error: ErrorObject): boolean {
  if (error.propertyName !== undefined && error.keyword !== "propertyNames") return false;
  // A time's pattern is for editors; the date-time format (core/time.ts) fails wherever it does,
  // and says what is wrong.
  if (error.keyword === "pattern" && (error.parentSchema as { format?: string } | undefined)?.format === "date-time") return false;
  return error.keyword !== "if" && error.keyword !== "$ref";
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(path: (string | number)[]): string {
  if (path.length === 0) return "front matter";
  return path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${part}` : String(part)), "");
}

function toFinding(file: string, error: ErrorObject): Finding {
  const path = pathOf(error.instancePath);
  const where = describe(path);
  const base = { file, severity: "error" as const, path };
  const schema = (error.parentSchema ?? {}) as {
    description?: string;
    properties?: Record<string, { description?: string }>;
    enum?: unknown[];
  };
  switch (error.keyword) {
    case "additionalProperties": {
      const field = String(error.params.additionalProperty);
      const known = Object.keys(schema.properties ?? {});
      const suggestion = closest(field, known);
      return {
        ...base,
        rule: "unknown-field",
        path: [...path, field],
        at: "key",
        message: `Unknown field \`${field}\`${path.length ? ` in ${where}` : ""}.`,
        hint: suggestion
          ? `Did you mean \`${suggestion}\`? Known fields: ${known.join(", ")}.`
          : `Remove it. Known fields: ${known.join(", ")}.`,
      };
    }
    case "required": {
      const field = String(error.params.missingProperty);
      const description = schema.properties?.[field]?.description;
      return {
        ...base,
        rule: "required-field",
        at: "key",
        message: `Missing required field \`${field}\`${path.length ? ` in ${where}` : ""}.`,
        hint: `Add \`${field}: …\`${description ? ` — ${description}` : ""}`,
      };
    }
    case "enum": {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const value = String(error.data);
      const suggestion = closest(value, allowed);
      return {
        ...base,
        rule: "invalid-value",
        message: `\`${where}\` is \`${value}\`, which is not allowed.`,
        hint: `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Use one of: ${allowed.join(", ")}.`,
      };
    }
    case "type":
      return {
        ...base,
        rule: "wrong-type",
        message: `\`${where}\` must be ${article(String(error.params.type))}, not ${typeName(error.data)}.`,
        hint: schema.description ? `${schema.description}` : `Write ${article(String(error.params.type))} here.`,
      };
    case "format": {
      const value = String(error.data);
      if (error.params.format === "date-time") {
        const reading = readTime(value);
        const problem = reading.ok ? undefined : reading;
        return {
          ...base,
          rule: problem?.offsetMissing ? "time-without-offset" : "invalid-format",
          message: `\`${where}\` is \`${printable(value)}\`, ${problem?.problem ?? "not a time"}.`,
          hint: problem?.hint ?? "Write it like `2026-11-20T14:02:00Z` (RFC 3339 with an offset).",
        };
      }
      // Every format the schemas use; the site URL's example must not be a time.
      const examples: Record<string, string> = {
        date: "2026-11-20",
        "date-time": "2026-11-20T14:02:00Z",
        uri: "https://status.example.com/",
      };
      const example = examples[String(error.params.format)] ?? "the example in the field's description";
      return {
        ...base,
        rule: "invalid-format",
        message: `\`${where}\` is \`${value}\`, not a valid ${error.params.format}.`,
        hint: `Write it like \`${example}\`${error.params.format === "date-time" ? " (RFC 3339 with an offset)" : ""}.`,
      };
    }
    case "pattern": {
      const value = String(error.data);
      return {
        ...base,
        rule: "invalid-value",
        message: `\`${where}\` is \`${value}\`, which does not have the expected form.`,
        hint: schema.description ?? "See the field's description in schema/.",
      };
    }
    case "propertyNames": {
      const name = String(error.params.propertyName);
      return {
        ...base,
        rule: "invalid-value",
        path: [...path, name],
        at: "key",
        message: `\`${name}\` is not a valid key in ${where}.`,
        hint: "Keys here are ids: lower-case letters, digits and single hyphens (kebab-case).",
      };
    }
    default:
      return {
        ...base,
        rule: "invalid-value",
        message: `\`${where}\` ${error.message ?? "is invalid"}.`,
        hint: schema.description ?? "See the field's description in schema/.",
      };
  }
}

/** A value as a message quotes it: at most 60 characters. */
function printable(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function typeName(value: unknown): string {
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${article(typeof value)} (\`${String(value)}\`)`;
}
