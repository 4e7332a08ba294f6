// GitHub Actions workflow commands: one annotation per problem (the first 10 per rule, as
// GitHub shows at most 10 of a kind per step; core/problem-output.ts, the printer every command
// shares), then the full report in the log.
import type { Diagnostic } from "../core/diagnostic.ts";
import { formatPretty } from "./format-pretty.ts";
import { fenceUntrusted } from "../core/workflow-commands.ts";
import { ANNOTATIONS_PER_RULE, annotations } from "../core/problem-output.ts";

export { ANNOTATIONS_PER_RULE };

export function formatGithub(diagnostics: readonly Diagnostic[], options: { pathPrefix?: string } = {}): string {
  const lines = annotations(diagnostics, options);
  if (diagnostics.length > 0) {
    lines.push("::group::All problems");
    // The report prints values and file names verbatim: fenced, so none of its lines is a command.
    lines.push(fenceUntrusted(formatPretty(diagnostics, { color: false })));
    lines.push("::endgroup::");
  }
  return lines.join("\n");
}
