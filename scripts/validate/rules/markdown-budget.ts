// A text that would not render (over the size, nesting or delimiter budget, failing in remark,
// or slower than the time budget) is an error at its line: the page would show it as escaped
// plain text (publish/markdown.ts), which is never what its author meant.
import type { Finding } from "../../records/finding.ts";
import type { Rule } from "../rule.ts";
import { checkedTexts } from "./markdown-texts.ts";

export const markdownBudget: Rule = {
  id: "markdown-budget",
  severity: "error",
  description: "Every Markdown text renders within the size, nesting, delimiter and time budget.",
  check(context) {
    const findings: Finding[] = [];
    for (const text of checkedTexts(context)) {
      const { problem } = text.outcome;
      if (!problem) continue;
      findings.push({
        ...text.place(problem),
        rule: markdownBudget.id,
        severity: markdownBudget.severity,
        message: `${problem.message} The page would show it as plain text.`,
        hint: problem.hint,
      });
    }
    return findings;
  },
};
