// Moves a records repository to the record format this sitrep writes: reads the config and the
// records, runs the format steps in order (each sees the previous step's output), and returns
// the changed files only. Running it again finds nothing to do.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { SitrepError } from "../errors.ts";
import type { FileChange } from "../authoring/writes/file-change.ts";
import { discoverRecordFiles } from "../records/discover.ts";
import { CONFIG_FILE } from "../records/root.ts";
import { checkRecordFormat, formatOf, RECORD_FORMAT } from "../records/record-format.ts";
import { stepsBetween, type FormatStep } from "./format-steps.ts";

export interface MigrationPlan {
  from: number;
  to: number;
  steps: FormatStep[];
  changes: FileChange[];
}

export function planMigration(root: string): MigrationPlan {
  const config = readFileSync(path.join(root, CONFIG_FILE), "utf8");
  let data: unknown;
  try {
    data = parseYaml(config);
  } catch (error) {
    throw new SitrepError(
      `${CONFIG_FILE} is not valid YAML (${(error as Error).message.split("\n")[0]}), so its record format cannot be read.`,
      {
        hint: "Fix it first: `npx sitrep validate` points at the line.",
        exitCode: 1,
      },
    );
  }
  const from = formatOf(data);
  if (from === undefined)
    throw new SitrepError(`${CONFIG_FILE}'s \`format\` is not a whole number.`, {
      hint: `Set \`format: ${RECORD_FORMAT}\` if the records are current, or remove the line for format 1.`,
      exitCode: 1,
    });
  const newer = checkRecordFormat(CONFIG_FILE, data);
  if (newer?.severity === "error") throw new SitrepError(newer.message, { hint: newer.hint, exitCode: 1 });

  const records = new Map(discoverRecordFiles(root).map((f) => [f.path, readFileSync(path.join(root, f.path), "utf8")]));
  const current = new Map<string, string>([[CONFIG_FILE, config], ...records]);
  const steps = stepsBetween(from, RECORD_FORMAT);
  for (const step of steps) {
    const texts = { config: current.get(CONFIG_FILE)!, records: new Map([...current].filter(([p]) => p !== CONFIG_FILE)) };
    for (const change of step.apply(texts)) {
      if (change.text === null) current.delete(change.path);
      else current.set(change.path, change.text);
    }
  }
  const before = new Map<string, string>([[CONFIG_FILE, config], ...records]);
  const changes: FileChange[] = [];
  for (const [file, text] of current) if (before.get(file) !== text) changes.push({ path: file, text });
  for (const file of before.keys()) if (!current.has(file)) changes.push({ path: file, text: null });
  return { from, to: RECORD_FORMAT, steps, changes };
}
