// Reads sitrep.config.yaml: bytes → text → data, with findings instead of exceptions.
import { lstatSync } from "node:fs";
import path from "node:path";
import type { Finding } from "./finding.ts";
import { decodeSource } from "./decode-source.ts";
import { readRegularFile } from "./regular-file.ts";
import { parseYamlFast, yamlSyntaxFindings } from "./parse-yaml.ts";
import { CONFIG_FILE } from "./root.ts";
import type { SourceFile } from "./record-types.ts";

export interface ParsedConfig {
  source: SourceFile;
  /** Undefined when the file could not be read or parsed. */
  data: unknown;
  findings: Finding[];
}

export function readConfig(root: string): ParsedConfig {
  const absolutePath = path.join(root, CONFIG_FILE);
  const source: SourceFile = { path: CONFIG_FILE, text: "", frontMatter: "", bodyLine: 1 };
  if (!lstatSync(absolutePath, { throwIfNoEntry: false })) {
    return {
      source,
      data: undefined,
      findings: [
        {
          file: CONFIG_FILE,
          rule: "config-missing",
          severity: "error",
          line: 1,
          column: 1,
          message: `${CONFIG_FILE} is missing.`,
          hint: "Create it with `npx sitrep init`, or copy it from the sitrep template.",
        },
      ],
    };
  }
  const read = readRegularFile(CONFIG_FILE, absolutePath);
  if (!read.ok) return { source, data: undefined, findings: [read.finding] };
  const decoded = decodeSource(CONFIG_FILE, read.bytes);
  if (!decoded.ok) return { source, data: undefined, findings: [decoded.finding] };
  source.text = decoded.text;
  source.frontMatter = decoded.text;
  const parsed = parseYamlFast(decoded.text);
  if (!parsed.ok) return { source, data: undefined, findings: yamlSyntaxFindings(CONFIG_FILE, decoded.text) };
  return { source, data: parsed.data, findings: [] };
}
