import { finding, type Rule } from "../rule.ts";
import { closest } from "../../records/closest.ts";
import type { Finding } from "../../records/finding.ts";

export const componentExists: Rule = {
  id: "component-exists",
  severity: "error",
  description: "Every component id in incidents, their updates and runbooks is defined in sitrep.config.yaml.",
  needsConfig: true,
  check({ incidents, runbooks, config }) {
    const ids = config.components.map((c) => c.id);
    const known = new Set(ids);
    const found: Finding[] = [];
    // Called only for an unknown id: the path of each of the many known ones is never built.
    const check = (record: { source: { path: string } }, id: string, path: (string | number)[], at: "key" | "value") => {
      const suggestion = closest(id, ids);
      found.push(
        finding(
          componentExists,
          record,
          path,
          `Unknown component \`${id}\`.`,
          `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Components are defined in sitrep.config.yaml: ${ids.join(", ")}.`,
          at,
        ),
      );
    };
    for (const record of incidents) {
      for (const id of Object.keys(record.data.components)) if (!known.has(id)) check(record, id, ["components", id], "key");
      record.data.updates.forEach((update, i) => {
        for (const id of Object.keys(update.components ?? {}))
          if (!known.has(id)) check(record, id, ["updates", i, "components", id], "key");
      });
    }
    for (const record of runbooks) {
      for (const [i, id] of record.data.components.entries()) if (!known.has(id)) check(record, id, ["components", i], "value");
    }
    return found;
  },
};
