// Titles and names are printed everywhere: pages, feeds, notifications, issue titles and every
// terminal that runs sitrep. A control character (ESC, NUL) or a bidirectional override in one
// (written as a YAML escape, `"\e[2J"` or `"\u202e"`) acted on terminals or reordered what readers
// saw; it is refused where it is written (core/control-characters.ts).
import type { Finding } from "../../records/finding.ts";
import { CONFIG_FILE } from "../../records/root.ts";
import { firstControlCharacter } from "../../core/control-characters.ts";
import type { Rule } from "../rule.ts";

const HINT =
  "Delete the invisible character (often pasted from a terminal or a document) and write the text plainly; titles and names are one line of visible text.";

export const textCharacters: Rule = {
  id: "text-control-character",
  severity: "error",
  description: "Titles and names hold no control characters (ESC, NUL, tab) and no bidirectional overrides.",
  check({ config, incidents, postmortems, runbooks, checksConfig }) {
    const findings: Finding[] = [];
    const check = (file: string, path: (string | number)[], value: unknown) => {
      if (typeof value !== "string") return;
      const found = firstControlCharacter(value);
      if (!found) return;
      findings.push({
        file,
        path,
        rule: textCharacters.id,
        severity: textCharacters.severity,
        hint: HINT,
        message: `\`${path.join(".")}\` holds ${found.codePoint}, a control or text-direction character, at character ${found.index + 1}.`,
      });
    };
    for (const record of incidents) check(record.source.path, ["title"], record.data.title);
    for (const record of runbooks) check(record.source.path, ["title"], record.data.title);
    for (const record of postmortems) {
      for (const [i, item] of record.data.action_items.entries()) check(record.source.path, ["action_items", i, "title"], item.title);
    }
    if (config && checksConfig) {
      check(CONFIG_FILE, ["site", "title"], config.site.title);
      check(CONFIG_FILE, ["site", "description"], config.site.description);
      config.components.forEach((component, i) => {
        check(CONFIG_FILE, ["components", i, "name"], component.name);
        check(CONFIG_FILE, ["components", i, "group"], component.group);
      });
      for (const [i, severity] of config.severities.entries()) check(CONFIG_FILE, ["severities", i, "name"], severity.name);
    }
    return findings;
  },
};
