import { finding, type Rule } from "../rule.ts";
import { closest } from "../../records/closest.ts";

export const runbookExists: Rule = {
  id: "runbook-exists",
  severity: "error",
  description: "Every runbook an incident lists exists as runbooks/<id>.md.",
  check({ incidents, files }) {
    const ids = files.filter((f) => f.kind === "runbook").map((f) => f.id);
    const known = new Set(ids);
    return incidents.flatMap((record) =>
      record.data.runbooks.flatMap((id, i) => {
        if (known.has(id)) return [];
        const suggestion = closest(id, ids);
        return [finding(runbookExists, record, ["runbooks", i], `Runbook \`${id}\` does not exist (no runbooks/${id}.md).`,
          `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Create it with \`npx sitrep runbook ${id} --title …\`, or remove it from the list.`)];
      }),
    );
  },
};
