// A published public postmortem is read by customers: scaffold placeholders and empty sections
// left in it are unfinished work. A warning (not an error), pointed at the line, because a
// deliberately empty "Where we got lucky" is a judgement the authors may make.
import type { Finding } from "../../records/finding.ts";
import type { Rule } from "../rule.ts";
import { isPostmortemPublished } from "../../model/postmortem-policy.ts";

/** What `sitrep postmortem` and the template leave for a person to replace. */
const PLACEHOLDERS = [/\(fill in\)/i, /^\s*\d+\.\s*Why \.\.\.\?\s*$/];

export const postmortemPlaceholders: Rule = {
  id: "postmortem-placeholders",
  severity: "warning",
  description: 'A published public postmortem has no "(fill in)" placeholders and no empty sections.',
  check({ postmortems }) {
    return postmortems.flatMap((record) => {
      if (!isPostmortemPublished(record.data)) return [];
      return bodyProblems(record.body).map(
        ({ offset, column, message, hint }) =>
          ({
            file: record.source.path,
            rule: postmortemPlaceholders.id,
            severity: postmortemPlaceholders.severity,
            line: record.source.bodyLine + offset,
            column,
            message,
            hint,
          }) satisfies Finding,
      );
    });
  },
};

interface BodyProblem {
  offset: number;
  column: number;
  message: string;
  hint: string;
}

/** Placeholders and empty sections in a Markdown body; `offset` is the 0-based line in it. Pure. */
export function bodyProblems(body: string): BodyProblem[] {
  const lines = body.split(/\r?\n/);
  const problems: BodyProblem[] = [];
  let fence = false;
  let open: { offset: number; level: number; title: string; content: boolean } | undefined;
  const close = (level: number) => {
    // A section with subsections is not empty: its content is theirs.
    if (open && !open.content && level > open.level) open.content = true;
    if (open && !open.content) {
      problems.push({
        offset: open.offset,
        column: 1,
        message: `Section "${open.title}" is empty in a published postmortem.`,
        hint: "Write it, or remove the heading if the section does not apply.",
      });
    }
  };
  lines.forEach((line, offset) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? undefined : atxHeading(line);
    if (heading) {
      close(heading.level);
      open = { offset, ...heading, content: false };
      return;
    }
    const placeholder = PLACEHOLDERS.map((p) => p.exec(line)).find((m) => m !== null);
    if (placeholder) {
      problems.push({
        offset,
        column: placeholder.index + 1,
        message: `A placeholder (\`${placeholder[0].trim()}\`) is left in a published postmortem.`,
        hint: "Replace it with what happened, or remove the line.",
      });
    }
    if (open && line.trim() !== "" && !/^\s*<!--.*-->\s*$/.test(line)) open.content = true;
  });
  close(0);
  return problems.sort((a, b) => a.offset - b.offset);
}

/**
 * An ATX heading (`## Title ##`): its level and title, by index. The regular expression this
 * replaces, /^(#{1,6})\s+(.*?)\s*#*\s*$/, backtracked on a heading of 5,000 spaces for 49 s.
 */
export function atxHeading(line: string): { level: number; title: string } | undefined {
  let level = 0;
  while (level < line.length && line[level] === "#") level++;
  if (level < 1 || level > 6 || level >= line.length || !/\s/.test(line[level])) return undefined;
  let end = line.length;
  while (end > level && /\s/.test(line[end - 1])) end--;
  // A closing run of #s, when it is the whole title or follows a space.
  let hashes = end;
  while (hashes > level && line[hashes - 1] === "#") hashes--;
  if (hashes === level || /\s/.test(line[hashes - 1])) end = hashes;
  while (end > level && /\s/.test(line[end - 1])) end--;
  let start = level;
  while (start < end && /\s/.test(line[start])) start++;
  return { level, title: line.slice(start, end) };
}
