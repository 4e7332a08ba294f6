import { perRecord } from "../rule.ts";
import { closest } from "../../records/closest.ts";

export const runbookExists = perRecord("incidents", {
  id: "runbook-exists",
  severity: "error",
  description: "Every runbook an incident lists exists as runbooks/<id>.md.",
  each:
    ({ ids }) =>
    ({ runbooks }, report) =>
      runbooks.forEach((id, i) => {
        if (ids.runbook.has(id)) return;
        const suggestion = closest(id, [...ids.runbook]);
        report(
          ["runbooks", i],
          `Runbook \`${id}\` does not exist (no runbooks/${id}.md).`,
          `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Create it with \`npx sitrep runbook ${id} --title …\`, or remove it from the list.`,
        );
      }),
});
