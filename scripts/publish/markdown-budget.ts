// What Markdown the renderer is given: a budget checked in one linear pass before remark sees
// the text (docs/decisions/0175-markdown-render-budget.md).
//
// remark recurses once per nesting level and pairs emphasis and link brackets in time that grows
// faster than the text: 12,000 nested `>` overflowed the stack ("Maximum call stack size
// exceeded", every build dead once the update was due), 10 kB of nested `-` took 13 s and 100 kB
// of `[` 27 s, all well under the 1 MiB file limit. The budget bounds what drives that cost: the
// size of a text, how deeply its blocks nest, and how many emphasis, code and link delimiters it
// has outside code blocks. validate reports a text over budget at its line (rules/markdown-
// budget.ts); the renderer shows such a text as escaped plain text instead (markdown.ts).
// Pure; no regular expression runs over the text.

export const MARKDOWN_BUDGET = {
  /** Characters in one text: a long postmortem is 20–40 kB. */
  chars: 100_000,
  /** Nested blocks (quotes, list items) on one line: real text nests 3 or 4 deep. */
  depth: 32,
  /** Emphasis, code and link delimiters outside fenced code: realistic text has one per ~7 characters. */
  delimiters: 10_000,
} as const;

export interface BudgetProblem {
  /** 1-based, within the text. */
  line: number;
  column: number;
  message: string;
  hint: string;
}

const DELIMITERS = new Set(["*", "_", "~", "`", "[", "]", "(", ")", "<"]);

/** The first way `text` is over the budget, or undefined when remark may render it. Linear. */
export function overBudget(text: string, budget: typeof MARKDOWN_BUDGET = MARKDOWN_BUDGET): BudgetProblem | undefined {
  if (text.length > budget.chars) {
    return {
      line: 1,
      column: 1,
      message: `The text is ${text.length.toLocaleString("en")} characters long; Markdown is rendered up to ${budget.chars.toLocaleString("en")}.`,
      hint: "Shorten it: move logs and long detail to a linked document, or split the postmortem into sections elsewhere.",
    };
  }
  let delimiters = 0;
  let fence: string | undefined;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const { depth, column, contentStart } = containerDepth(text, start, end, budget.depth);
    // Only a fence at the top level (no container, up to 3 spaces in) is taken as one: its code
    // runs to the closing fence or the end, so nothing after it can escape into Markdown.
    const marker = depth === 0 && contentStart - start <= 3 ? fenceMarker(text, contentStart, end) : undefined;
    if (fence !== undefined) {
      // Inside fenced code, indentation and `>` are text (pasted YAML, a shell prompt).
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (depth > budget.depth) {
      return {
        line,
        column,
        message: `Blocks nest ${depth.toLocaleString("en")} deep on this line (quotes \`>\` or list items); Markdown is rendered up to ${budget.depth} levels.`,
        hint: "Nest quotes and lists a few levels at most; put pasted output in a fenced code block (```).",
      };
    } else if (marker !== undefined) {
      fence = marker;
    } else {
      for (let i = contentStart; i < end; i++) {
        if (DELIMITERS.has(text[i]) && ++delimiters > budget.delimiters) {
          return {
            line,
            column: i - start + 1,
            message: `The text has over ${budget.delimiters.toLocaleString("en")} emphasis, code and link characters (\`*\` \`_\` \`~\` \`\`\` \`[\` \`]\` \`(\` \`)\` \`<\`) outside code blocks.`,
            hint: "Put pasted output, logs and data in a fenced code block (```), or shorten the text.",
          };
        }
      }
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * How many container blocks open on the line from `start` to `end`: each `>` and each list
 * marker (`-`, `*`, `+`, `1.`, `1)`) before the content, plus one level per two spaces of
 * indentation before a list marker (a list nested by indentation on separate lines).
 */
function containerDepth(text: string, start: number, end: number, limit: number): { depth: number; column: number; contentStart: number } {
  let depth = 0;
  let i = start;
  /** Where the level past `limit` opens: the column a diagnostic points at. */
  let overAt = -1;
  for (;;) {
    let spaces = 0;
    while (i < end && (text[i] === " " || text[i] === "\t")) {
      spaces += text[i] === "\t" ? 4 : 1;
      i++;
    }
    if (i >= end) break;
    if (text[i] === ">") {
      depth++;
      if (depth > limit && overAt < 0) overAt = i;
      i++;
      continue;
    }
    const after = listMarkerEnd(text, i, end);
    if (after === undefined) break;
    depth += 1 + (depth === 0 ? Math.floor(spaces / 2) : 0);
    if (depth > limit && overAt < 0) overAt = i;
    i = after;
  }
  return { depth, column: (overAt < 0 ? i : overAt) - start + 1, contentStart: i };
}

/** The offset after a list marker at `i` (bullet or up to 9 digits and `.`/`)`, then a space or the line end). */
function listMarkerEnd(text: string, i: number, end: number): number | undefined {
  let j = i;
  if (text[j] === "-" || text[j] === "*" || text[j] === "+") j++;
  else {
    while (j < end && j - i < 9 && text[j] >= "0" && text[j] <= "9") j++;
    if (j === i || (text[j] !== "." && text[j] !== ")")) return undefined;
    j++;
  }
  return j >= end || text[j] === " " || text[j] === "\t" ? j : undefined;
}

/** The ``` or ~~~ run that opens or closes a fenced code block at `i`, if the line has one. */
function fenceMarker(text: string, i: number, end: number): string | undefined {
  const char = text[i];
  if (char !== "`" && char !== "~") return undefined;
  let j = i;
  while (j < end && text[j] === char) j++;
  return j - i >= 3 ? text.slice(i, j) : undefined;
}

/**
 * The CPU time validate allows one text to render in (validate/rules/markdown-texts.ts), a
 * backstop for what the linear checks above miss. CPU time of the rendering thread, never wall
 * time: a loaded machine slows every text alike, and must not fail real text.
 */
export const MARKDOWN_RENDER_MS = 2_000;
