// What the site build prints when it cannot start: the validator's diagnostics, one per line as
// `file:line:col` (editors and terminals turn that into a link), plus workflow annotations on
// GitHub Actions so the problem shows on the pull request. Never a stack trace for a problem
// the user can fix: every SitrepError (scripts/errors.ts) is recognised by class. On Actions the
// text after the annotations is fenced (workflow-commands.ts): it quotes record values verbatim.
import { InvalidRecordsError, SitrepError } from "../../scripts/errors.ts";
import { formatGithub } from "../../scripts/validate/format-github.ts";
import { forActionsLog } from "../../scripts/core/workflow-commands.ts";

export function buildFailure(error: unknown, env: Record<string, string | undefined> = process.env): { text: string; exitCode: number } {
  const { text, exitCode, annotations = "" } = describeFailure(error, env);
  return { text: `${annotations}${forActionsLog(text, env)}`, exitCode };
}

function describeFailure(
  error: unknown,
  env: Record<string, string | undefined>,
): { text: string; exitCode: number; annotations?: string } {
  if (error instanceof InvalidRecordsError) {
    const lines = error.diagnostics.map(
      (d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  (${d.rule})\n    hint: ${d.hint}`,
    );
    const annotations = env.GITHUB_ACTIONS === "true" ? `${formatGithub(error.diagnostics)}\n` : "";
    return {
      annotations,
      text: `\nerror: The site was not built: ${error.diagnostics.length} record error(s).\n\n${lines.join("\n")}\n\nhint: Fix them (\`npx sitrep validate\` shows the same report), then build again.\n`,
      exitCode: 1,
    };
  }
  if (error instanceof SitrepError) {
    return { text: `\nerror: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`, exitCode: error.exitCode };
  }
  // An unexpected failure is a bug: keep the stack so it can be reported.
  const e = error as Error | undefined;
  return { text: `\nerror: the site build failed unexpectedly.\n${e?.stack ?? String(error)}\n`, exitCode: 2 };
}
