// Every Markdown text a build renders (incident descriptions and updates, postmortems,
// runbooks), rendered once per validate run as the publishers render it, whatever its date:
// an update dated a few hours ahead passed validate and the PR build, then killed every build
// once it was due. Shared by the rules markdown-budget and markdown-renders-empty.
import type { Finding } from "../../records/finding.ts";
import { MARKDOWN_RENDER_MS, overBudget, type BudgetProblem } from "../../publish/markdown-budget.ts";
import { isPlainText, renderWithPipeline } from "../../publish/markdown.ts";
import type { RuleContext } from "../rule.ts";

export interface MarkdownText {
  text: string;
  /** An update's body (a YAML value) rather than a record's Markdown body. */
  update: boolean;
  /** Where a problem at `line`/`column` of the text is reported in the file. */
  place(problem: { line: number; column: number }): Pick<Finding, "file" | "line" | "column" | "path">;
}

export interface RenderOutcome {
  /** Why the text would not render (the page shows it as escaped text instead). */
  problem?: BudgetProblem;
  /** The HTML, when it rendered through remark. */
  html?: string;
  /**
   * Not rendered, because it cannot fail or vanish: plain text (the fast path), or Markdown
   * within the budget that has no raw HTML and is too short to approach the time budget.
   * Such a text renders empty only when it is blank.
   */
  plain?: boolean;
}

/**
 * Markdown within the budget this short renders far inside the time budget (the worst case found,
 * 1,000 nested `*`, takes a tenth of it); longer text is rendered and timed.
 */
const RENDERED_FROM_CHARS = 2_000;

export interface CheckedText extends MarkdownText {
  outcome: RenderOutcome;
}

const checked = new WeakMap<RuleContext["incidents"], CheckedText[]>();

/** Every text of the schema-valid records with its place and how it renders: once per run (both rules ask). */
export function checkedTexts(context: RuleContext): CheckedText[] {
  let texts = checked.get(context.incidents);
  if (!texts) checked.set(context.incidents, (texts = markdownTexts(context).map((text) => ({ ...text, outcome: render(text.text) }))));
  return texts;
}

/** The texts of the schema-valid records, each with its place in its file. */
function markdownTexts({ incidents, postmortems, runbooks }: RuleContext): MarkdownText[] {
  const texts: MarkdownText[] = [];
  for (const record of [...incidents, ...postmortems, ...runbooks]) {
    const file = record.source.path;
    // A problem of the whole text (line 1, column 1) points at its first line with content.
    const place = ({ line, column }: { line: number; column: number }) =>
      line === 1 && column === 1
        ? { file, line: record.source.bodyLine + leadingNewlines(record.body), column }
        : { file, line: record.source.bodyLine + line - 1, column };
    texts.push({ text: record.body, update: false, place });
  }
  for (const record of incidents) {
    record.data.updates.forEach((update, i) => {
      texts.push({ text: update.body, update: true, place: () => ({ file: record.source.path, path: ["updates", i, "body"] }) });
    });
  }
  return texts;
}

function leadingNewlines(text: string): number {
  let count = 0;
  while (text[count] === "\n" || (text[count] === "\r" && text[count + 1] === "\n" && ++count)) count++;
  return count;
}

function render(text: string): RenderOutcome {
  // Nearly every update is plain: no HTML is built for it (validate runs this on every text).
  if (isPlainText(text)) return { plain: true };
  const problem = overBudget(text);
  if (problem) return { problem };
  // Only raw HTML makes a text vanish (it is dropped, and an HTML block runs to a blank line);
  // rendering 1,500 short postmortem and runbook bodies cost validate about a second.
  if (!text.includes("<") && text.length < RENDERED_FROM_CHARS) return { plain: true };
  // CPU time of this thread, not wall time: a starved CI runner (or `astro check` beside the test
  // suite) must not turn real text into an error; only the work the text itself costs counts.
  const started = threadCpuMs();
  let html: string;
  try {
    html = renderWithPipeline(text);
  } catch (error) {
    return {
      problem: {
        line: 1,
        column: 1,
        message: `The Markdown renderer fails on this text (${(error as Error).message}).`,
        hint: "Simplify its Markdown (nesting, long runs of `*`, `[` or `>`); put pasted output in a fenced code block (```).",
      },
    };
  }
  const ms = threadCpuMs() - started;
  if (ms > MARKDOWN_RENDER_MS) {
    return {
      html,
      problem: {
        line: 1,
        column: 1,
        message: `Rendering this text took ${(ms / 1000).toFixed(1)} s of CPU; a text may take ${MARKDOWN_RENDER_MS / 1000} s.`,
        hint: "Shorten it or simplify its Markdown; put pasted output and logs in a fenced code block (```).",
      },
    };
  }
  return { html };
}

/** CPU milliseconds this thread has used (user + system), unaffected by what else the machine runs. */
function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}
