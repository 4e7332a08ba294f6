// What `sitrep import` returns (the plan, whether it was written, what HTTP said on the way) and
// its text summary: one line per record created, updated, kept or skipped (unchanged ones are
// counted, not listed), the components added, the notes, and the totals. Pure.
import type { ImportPlan, ItemAction } from "./plan-import.ts";

export interface ImportResult extends Omit<ImportPlan, "changes"> {
  dryRun: boolean;
  /** Paths written (or, in a dry run, that would be). */
  written: string[];
  /** Retries and other things said while reading the source. */
  warnings: string[];
  counts: Record<ItemAction, number>;
}

export function importResult(plan: ImportPlan, dryRun: boolean, warnings: string[]): ImportResult {
  const { changes, ...rest } = plan;
  const counts: Record<ItemAction, number> = { create: 0, update: 0, unchanged: 0, kept: 0, skip: 0 };
  for (const item of plan.items) counts[item.action]++;
  return { ...rest, dryRun, written: changes.map((c) => c.path), warnings, counts };
}

export function formatImport(result: ImportResult): string {
  const lines = [`sitrep import ${result.system} ← ${result.origin}`];
  const verb = (action: ItemAction) => (result.dryRun && (action === "create" || action === "update") ? `would ${action}` : action);
  for (const item of result.items) {
    if (item.action === "unchanged") continue;
    lines.push(
      `  ${verb(item.action).padEnd(15)} ${item.kind.padEnd(11)} ${item.path ?? item.source}  (${item.label}${item.reason ? `: ${item.reason}` : ""})`,
    );
  }
  const { matched, added } = result.components;
  lines.push(
    `Components: ${matched} matched in sitrep.config.yaml, ${added.length} ${result.dryRun ? "to add" : "added"}${added.length ? ":" : "."}`,
  );
  for (const c of added) lines.push(`  + ${c.id} "${c.name}"${c.group ? ` (group "${c.group}")` : ""}`);
  for (const note of result.notes) lines.push(`note: ${note}`);
  const c = result.counts;
  lines.push(
    `${c.create} created, ${c.update} updated, ${c.unchanged} unchanged, ${c.kept} kept as edited, ${c.skip} skipped.` +
      (result.dryRun
        ? " Dry run: nothing was written."
        : result.written.length === 0
          ? " Nothing to write."
          : ` ${result.written.length} file(s) written; review them and commit.`),
  );
  return lines.join("\n");
}
