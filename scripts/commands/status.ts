// `sitrep status`: what is open right now — incidents with severity, commander, components, last
// update and when the next update is due (overdue stands out), and maintenance under way or to
// come — in the site's zone with relative times. The data is scripts/status/open-now.ts.
import type { Command } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { findRecordsRoot } from "../records/root.ts";
import { validateRepository } from "../validate/validate.ts";
import { openNow, type OpenNow } from "../status/open-now.ts";
import { formatOpenNow } from "../status/format-open-now.ts";

interface Result {
  report: OpenNow;
  /** Records left out because they have errors (`sitrep validate` says which). */
  broken: number;
}

export const command: Command<Result> = {
  spec: {
    name: "status",
    summary: "What is open now: incidents (next update due, overdue marked) and maintenance.",
    usage: "sitrep status [--json]",
    description:
      "Lists every unresolved incident — severity, status, commander, components and their impact now, the last\n" +
      "public update and when the next one is due by the severity's cadence (overdue stands out) — and every\n" +
      "maintenance window under way or to come. Times are in site.timezone, with how long ago or ahead they are.\n" +
      "A record with errors is left out and counted (run `sitrep validate`). Exit 0.",
    options: { json: jsonOption("Print the list as JSON: {now, timezone, incidents, maintenance} (times in UTC).") },
    examples: ["npx sitrep status", "npx sitrep status --json | jq '.incidents[] | select(.overdueMinutes > 0) | .id'"],
  },

  async run({ cwd, now }) {
    const { repository, diagnostics } = validateRepository(findRecordsRoot(cwd), { now });
    const broken = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.file)).size;
    return { report: openNow(repository, now), broken };
  },

  present({ report, broken }, input) {
    if (input.values.json === true) return { stdout: JSON.stringify({ ...report, brokenFiles: broken }, null, 2), exitCode: 0 };
    const warning = broken > 0 ? `warning: ${broken} file(s) with errors are left out; run \`npx sitrep validate\`.` : undefined;
    return { stdout: formatOpenNow(report, { color: input.color }), stderr: warning, exitCode: 0 };
  },
};
