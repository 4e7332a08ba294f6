// Every Markdown text a build renders (incident descriptions and updates, postmortems,
// runbooks), rendered once per validate run as the publishers render it, whatever its date:
// an update dated a few hours ahead passed validate and the PR build, then killed every build
// once it was due. Shared by the rules markdown-budget and markdown-renders-empty.
import type { Finding } from "../../records/finding.ts";
import { MARKDOWN_RENDER_MS, overBudget, type BudgetProblem } from "../../publish/markdown-budget.ts";
import { htmlToText, isPlainText, renderWithPipeline } from "../../publish/markdown.ts";
import { rememberRendered, renderedBefore, saveRendered } from "../markdown-render-cache.ts";
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
   * Not rendered, because it cannot fail or vanish: plain text (the fast path), Markdown within
   * the budget that has no raw HTML and is too short to approach the time budget, or a text an
   * earlier run rendered within the budget to something visible (markdown-render-cache.ts).
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

/**
 * The texts of the part of the repository being checked (validate/validate.ts checks it in parts),
 * kept for the second rule that asks. Only the latest part is held: a WeakMap keyed by each part's
 * records kept the parts alive through V8's young-generation collections until a full one (what
 * survived each scavenge of 10,000 incidents fell from 1.4 MB to 0.4 MB without it; decision 0182).
 * And only until its part is checked (releaseCheckedTexts): held while the next part was read, the
 * part survived that part's collections too and was promoted (decision 0190).
 */
let latest: { incidents: RuleContext["incidents"]; texts: CheckedText[] } | undefined;

/** Lets the latest part's texts go: called once every rule has checked the part (validate/validate.ts). */
export function releaseCheckedTexts(): void {
  latest = undefined;
}

/** Every text of the part's schema-valid records with its place and how it renders: once per part (both rules ask). */
export function checkedTexts(context: RuleContext): CheckedText[] {
  if (latest?.incidents !== context.incidents) latest = { incidents: context.incidents, texts: markdownTexts(context) };
  return latest.texts;
}

type Placed = { source: { path: string; bodyLine: number }; body: string };

// One object per text, its place worked out only when a rule reports a problem (nearly never):
// a closure, a copy with the outcome and an outcome object for each of ~45,000 texts, kept to
// the end of the run, were a visible share of validate's garbage collection.

/** A record's Markdown body: positions are lines of the body, offset by where it starts. */
class BodyText implements CheckedText {
  readonly update = false;
  readonly text: string;
  readonly outcome: RenderOutcome;
  private readonly record: Placed;
  constructor(record: Placed) {
    this.record = record;
    this.text = record.body;
    this.outcome = render(record.body);
  }
  place({ line, column }: { line: number; column: number }) {
    const { source, body } = this.record;
    // A problem of the whole text (line 1, column 1) points at its first line with content.
    return line === 1 && column === 1
      ? { file: source.path, line: source.bodyLine + leadingNewlines(body), column }
      : { file: source.path, line: source.bodyLine + line - 1, column };
  }
}

/** An update's body, a YAML value: a problem points at the value. */
class UpdateText implements CheckedText {
  readonly update = true;
  readonly text: string;
  readonly outcome: RenderOutcome;
  private readonly file: string;
  private readonly index: number;
  constructor(file: string, index: number, text: string) {
    this.file = file;
    this.index = index;
    this.text = text;
    this.outcome = render(text);
  }
  place() {
    return { file: this.file, path: ["updates", this.index, "body"] };
  }
}

/** The texts of the schema-valid records, each with its place in its file and how it renders. */
function markdownTexts({ incidents, postmortems, runbooks }: RuleContext): CheckedText[] {
  const texts: CheckedText[] = [];
  for (const records of [incidents, postmortems, runbooks]) for (const record of records) texts.push(new BodyText(record));
  for (const record of incidents) {
    const { updates } = record.data;
    for (let i = 0; i < updates.length; i++) texts.push(new UpdateText(record.source.path, i, updates[i].body));
  }
  saveRendered();
  return texts;
}

function leadingNewlines(text: string): number {
  let count = 0;
  while (text[count] === "\n" || (text[count] === "\r" && text[count + 1] === "\n" && ++count)) count++;
  return count;
}

/** The outcome of every text that is not rendered (shared: read, never changed). */
const PLAIN: RenderOutcome = Object.freeze({ plain: true });

function render(text: string): RenderOutcome {
  // Nearly every update is plain: no HTML is built for it (validate runs this on every text).
  if (isPlainText(text)) return PLAIN;
  const problem = overBudget(text);
  if (problem) return { problem };
  // Only raw HTML makes a text vanish (it is dropped, and an HTML block runs to a blank line);
  // rendering 1,500 short postmortem and runbook bodies cost validate about a second.
  if (!text.includes("<") && text.length < RENDERED_FROM_CHARS) return PLAIN;
  if (renderedBefore(text)) return PLAIN;
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
  if (!rendersEmpty(html)) rememberRendered(text);
  return { html };
}

/** Nothing a reader sees: no text, no image, no rule. */
export function rendersEmpty(html: string): boolean {
  return htmlToText(html) === "" && !html.includes("<img") && !html.includes("<hr");
}

/** CPU milliseconds this thread has used (user + system), unaffected by what else the machine runs. */
function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}
