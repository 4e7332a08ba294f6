// The answer loop of `sitrep init`: every flag is checked before anything is asked, so a script
// learns every problem with its flags in one run (only the flags it typed, and the missing ones);
// on a terminal only the wrong or missing answers are asked, each again alone with its hint until
// it is right, and every answer already good — typed as a flag or answered before — is kept.
// Pure: the prompt is a callback, so tests drive the loop without a terminal.
import { SitrepError, UsageError } from "../../errors.ts";
import { answerProblem } from "../flags/ask.ts";

export interface Question<T> {
  flag: string;
  /** What the user typed: undefined or [] when the flag was not given. */
  given: string | string[] | undefined;
  /** Several values: the flag repeated, or one comma-separated answer at the prompt. */
  list?: boolean;
  /** The values checked and normalised; throws a SitrepError naming --flag when one is wrong. */
  check: (values: string[]) => T;
  /** Missing without a terminal is a problem; an empty answer at the prompt is refused. */
  required: boolean;
  /** What an optional question is when neither given nor answered (undefined if absent). */
  fallback?: T;
  prompt: { message: string; placeholder?: string; defaultValue?: string };
}

/** One question put to the person at a terminal; `problem` is why the last answer (or the flag) was wrong. */
export interface Prompt {
  flag: string;
  message: string;
  placeholder?: string;
  defaultValue?: string;
  optional: boolean;
  problem?: string;
  /** The problem with an answer, for a prompt that checks as it is typed; undefined when good. */
  validate: (answer: string) => string | undefined;
}

export type Ask = (prompt: Prompt) => Promise<string>;

/** Several problems with one flag's values (e.g. two malformed --component), reported together. */
export class FlagProblems extends UsageError {
  readonly problems: SitrepError[];
  constructor(problems: SitrepError[]) {
    super(problems.map(line).join("\n"), undefined);
    this.problems = problems;
  }
}

/** Applies `check` to each value, throwing every failure at once (one error as itself). */
export function checkEach<T>(values: string[], check: (value: string) => T): T[] {
  const problems: SitrepError[] = [];
  const results: T[] = [];
  for (const value of values) {
    try {
      results.push(check(value));
    } catch (error) {
      if (!(error instanceof SitrepError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new FlagProblems(problems);
  return results;
}

type Answers<Q> = { [K in keyof Q]: Q[K] extends Question<infer T> ? T : never };

/**
 * The answers to `questions`, in their order. Without a terminal (`ask` undefined): the flags,
 * or one UsageError naming every problem. On a terminal: each missing or wrong one asked.
 */
export async function collectAnswers<Q extends Record<string, Question<unknown>>>(
  questions: Q,
  ask: Ask | undefined,
  usage: string,
): Promise<Answers<Q>> {
  const answers: Record<string, unknown> = {};
  const problems: SitrepError[] = [];
  const missing: string[] = [];
  const open: { key: string; problem?: string }[] = [];
  for (const [key, question] of Object.entries(questions)) {
    const given = valuesOf(question.given);
    if (given.length === 0) {
      if (ask) open.push({ key });
      else if (question.required) missing.push(question.flag);
      else answers[key] = question.fallback;
      continue;
    }
    try {
      answers[key] = question.check(given);
    } catch (error) {
      if (!(error instanceof SitrepError)) throw error;
      if (ask) open.push({ key, problem: problemText(error) });
      else problems.push(...(error instanceof FlagProblems ? error.problems : [error]));
    }
  }
  if (!ask) {
    throwProblems(missing, problems, usage);
    return answers as Answers<Q>;
  }
  for (const { key, problem } of open) answers[key] = await askUntilRight(questions[key], ask, problem);
  return answers as Answers<Q>;
}

async function askUntilRight<T>(question: Question<T>, ask: Ask, firstProblem: string | undefined): Promise<T> {
  const parse = (answer: string) =>
    question.list
      ? answer
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean)
      : [answer.trim()];
  const validate = (answer: string) => {
    if (answer.trim() === "") return undefined; // empty: the prompt's default, or required, decides
    try {
      question.check(parse(answer));
      return undefined;
    } catch (error) {
      if (!(error instanceof SitrepError)) throw error;
      return problemText(error);
    }
  };
  let problem = firstProblem;
  for (;;) {
    const answer = (await ask({ flag: question.flag, ...question.prompt, optional: !question.required, problem, validate })).trim();
    const chosen = answer === "" ? (question.prompt.defaultValue ?? "") : answer;
    if (chosen === "") {
      if (!question.required) return question.fallback as T;
      problem = `Required${question.prompt.placeholder ? ` (${question.prompt.placeholder})` : ""}.`;
      continue;
    }
    problem = validate(chosen);
    if (problem === undefined) return question.check(parse(chosen));
  }
}

function valuesOf(given: string | string[] | undefined): string[] {
  if (given === undefined) return [];
  return (Array.isArray(given) ? given : [given]).filter((v) => v !== "");
}

function line(error: SitrepError): string {
  return `${error.message}${error.hint ? ` ${error.hint}` : ""}`;
}

/** What a prompt shows under a wrong answer (every problem, when one answer had several). */
function problemText(error: SitrepError): string {
  return (error instanceof FlagProblems ? error.problems : [error]).map(answerProblem).join(" ");
}

/** Without a terminal: nothing, one problem as itself, or every problem in one UsageError. */
function throwProblems(missing: string[], problems: SitrepError[], usage: string): void {
  const names = missing.map((f) => `--${f}`);
  const missingLine =
    names.length === 0 ? undefined : `Missing ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`}.`;
  const count = problems.length + (missingLine ? 1 : 0);
  if (count === 0) return;
  const stdin = `stdin is not a terminal, so sitrep cannot ask for ${names.length === 1 ? "it" : "them"}.`;
  if (count === 1 && missingLine) throw new UsageError(missingLine, `${stdin} Usage: ${usage}`);
  if (count === 1) throw problems[0];
  const lines = [...(missingLine ? [`${missingLine} ${stdin}`] : []), ...problems.map(line)];
  throw new UsageError(
    `${count} problems with the flags; nothing was written:\n${lines.map((l) => `  - ${l}`).join("\n")}`,
    `Correct them all and run the command again. Usage: ${usage}`,
  );
}
