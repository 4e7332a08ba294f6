// `sitrep migrate`: rewrites the records into the record format this sitrep writes, after an
// upgrade whose release notes say so. Minimal diffs (comments kept), idempotent.
import type { Command } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { RejectedChangeError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { checkChanges } from "../authoring/writes/check-changes.ts";
import { writeChanges } from "../authoring/writes/write-changes.ts";
import { planMigration } from "../migrate/migrate-repository.ts";

export interface MigrateResult {
  from: number;
  to: number;
  steps: string[];
  changed: string[];
  written: boolean;
}

export const command: Command<MigrateResult> = {
  spec: {
    name: "migrate",
    summary: "Rewrite the records into the record format this sitrep writes.",
    usage: "sitrep migrate [--check] [--json]",
    description:
      "Reads `format:` in sitrep.config.yaml and applies each step from there to the format this sitrep\n" +
      "writes, editing only what a step changes (comments and layout kept). The result is validated before\n" +
      "anything is written. Running it again does nothing. See docs/upgrading.md.",
    options: {
      check: { type: "boolean", description: "Write nothing; exit 1 when a migration is due (for CI)." },
      json: jsonOption("Print the plan as JSON."),
    },
    examples: ["npx sitrep migrate", "npx sitrep migrate --check"],
    exitCodes: "0 migrated or nothing to do, 1 a migration is due (--check) or the records have errors, 2 it could not run.",
  },

  async run({ values, cwd, now }) {
    const root = findRecordsRoot(cwd);
    const plan = planMigration(root);
    const result = {
      from: plan.from,
      to: plan.to,
      steps: plan.steps.map((s) => `${s.from} → ${s.to}: ${s.summary}`),
      changed: plan.changes.map((c) => c.path),
      written: false,
    };
    if (values.check === true || plan.changes.length === 0) return result;
    // Errors in the files a step rewrites block it; an old, unrelated broken record does not.
    const { errors } = checkChanges(root, plan.changes, { now, scope: "changed" });
    if (errors.length > 0) throw new RejectedChangeError("the migrated records", errors);
    writeChanges(root, plan.changes);
    return { ...result, written: true };
  },

  present(result, { values }) {
    const due = result.changed.length > 0 && !result.written;
    const exitCode = due && values.check === true ? 1 : 0;
    if (values.json) return { stdout: JSON.stringify(result, null, 2), exitCode };
    if (result.changed.length === 0) return { stdout: `✔ The records are in record format ${result.to}; nothing to migrate.`, exitCode };
    const lines = [
      `${result.written ? "✔ Migrated" : "A migration is due:"} record format ${result.from} → ${result.to}`,
      ...result.steps.map((s) => `  ${s}`),
      `${result.written ? "Changed" : "Would change"} ${result.changed.length} file(s): ${result.changed.join(", ")}`,
      result.written ? "Review the diff (`git diff`), then commit it." : "Run `npx sitrep migrate` to apply it.",
    ];
    return { stdout: lines.join("\n"), exitCode };
  },
};
