// Missing required values: asked for with @clack/prompts when stdin and stdout are terminals,
// otherwise a UsageError that names the flag (scripts and CI never hang on a prompt).
// Prompts draw on stderr so `--json` output on stdout stays clean.
import { SitrepError, UsageError } from "../../errors.ts";

export interface AskContext {
  interactive: boolean;
  /** e.g. `sitrep declare --title "…" --severity SEV2 …`, shown when a flag is missing. */
  usage: string;
}

type Validate = (value: string) => string | undefined;

/**
 * A check that throws the same UsageError a wrong flag would, turned into what a prompt shows
 * under a wrong answer before asking again: the message without the flag's name (the user typed
 * an answer, not a flag) and the hint. Undefined when the answer is good.
 */
export function problemWith(check: (value: string) => unknown): Validate {
  return (value) => {
    try {
      check(value);
      return undefined;
    } catch (error) {
      if (!(error instanceof SitrepError)) throw error;
      return answerProblem(error);
    }
  };
}

/**
 * What a prompt shows under a wrong answer: the error's message without the flag's name (the
 * person typed an answer, not a flag) and its hint.
 */
export function answerProblem(error: SitrepError): string {
  const message = error.message
    .replace(/^--[a-z-]+(?: [^:`\s]+)?: /, "") // "--component: unknown component `x`."
    .replace(/^--[a-z-]+ is /, "That is ") // "--start is `tomorrow`, not a time …"
    .replace(/^--[a-z-]+ (?=`)/, "") // "--owner `x y` is not a GitHub handle."
    .replace(/^--[a-z-]+ (?=[a-z]+ `)/, ""); // "--component id `X` is not kebab-case."
  return `${message[0].toUpperCase()}${message.slice(1)}${error.hint ? ` ${error.hint}` : ""}`;
}

async function clack() {
  return import("@clack/prompts");
}

function cancelled(): never {
  throw new SitrepError("Cancelled; nothing was written.", { exitCode: 130 });
}

function missing(flag: string, context: AskContext): never {
  throw new UsageError(`Missing --${flag}.`, `stdin is not a terminal, so sitrep cannot ask for it. Usage: ${context.usage}`);
}

/**
 * Without a terminal, every required flag that is missing, named in one error with what each
 * accepts (`accepts`: flag → "SEV1 (Critical), SEV2 …"), so a script learns it all in one run.
 * On a terminal it does nothing: the prompts ask for them one by one.
 */
export function requireFlags(missingFlags: string[], context: AskContext, accepts: Record<string, string> = {}): void {
  if (context.interactive || missingFlags.length === 0) return;
  const names = missingFlags.map((f) => `--${f}`);
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  const lines = missingFlags.filter((f) => accepts[f]).map((f) => `--${f}: ${accepts[f]}`);
  throw new UsageError(
    `Missing ${joined}.`,
    [`stdin is not a terminal, so sitrep cannot ask for ${names.length === 1 ? "it" : "them"}.`, ...lines, `Usage: ${context.usage}`].join(
      "\n",
    ),
  );
}

/** A required string flag: the given value, else a prompt, else a UsageError naming the flag. */
export async function askText(
  value: string | undefined,
  flag: string,
  context: AskContext,
  question: { message: string; placeholder?: string; defaultValue?: string; validate?: Validate },
): Promise<string> {
  if (value !== undefined && value !== "") return value;
  if (!context.interactive) missing(flag, context);
  return promptText(question);
}

/**
 * One text prompt on the terminal, asked again in place while `validate` finds a problem. An
 * empty answer is the default; without one it is refused, unless the question is optional.
 */
export async function promptText(question: {
  message: string;
  placeholder?: string;
  defaultValue?: string;
  optional?: boolean;
  validate?: Validate;
}): Promise<string> {
  const { text, isCancel } = await clack();
  const answer = await text({
    message: question.message,
    placeholder: question.placeholder,
    defaultValue: question.defaultValue,
    validate: (v) =>
      v === undefined || v.trim() === ""
        ? question.defaultValue || question.optional
          ? undefined
          : `Required${question.placeholder ? ` (${question.placeholder})` : ""}.`
        : question.validate?.(v.trim()),
    output: process.stderr,
  });
  if (isCancel(answer)) cancelled();
  return String(answer).trim() || question.defaultValue || "";
}

/** A required choice: the given value, else a select prompt, else a UsageError naming the flag. */
export async function askChoice(
  value: string | undefined,
  flag: string,
  context: AskContext,
  question: { message: string; options: { value: string; label: string; hint?: string }[]; initialValue?: string },
): Promise<string> {
  if (value !== undefined && value !== "") return value;
  if (!context.interactive) missing(flag, context);
  const { select, isCancel } = await clack();
  const answer = await select<string>({
    message: question.message,
    options: question.options,
    initialValue: question.initialValue,
    output: process.stderr,
  });
  if (isCancel(answer)) cancelled();
  return answer;
}

/** A yes/no question on a terminal (callers ask only when interactive); Ctrl-C cancels, writing nothing. */
export async function askConfirm(message: string): Promise<boolean> {
  const { confirm, isCancel } = await clack();
  const answer = await confirm({ message, initialValue: true, output: process.stderr });
  if (isCancel(answer)) cancelled();
  return answer;
}

/**
 * Required choices from a known list (component ids): the given values, else a multi-select
 * (space picks, enter confirms), else a UsageError naming the flag. Nothing to mistype.
 */
export async function askMany(
  values: string[],
  flag: string,
  context: AskContext,
  question: { message: string; options: { value: string; label: string; hint?: string }[] },
): Promise<string[]> {
  if (values.length > 0) return values;
  if (!context.interactive) missing(flag, context);
  const { multiselect, isCancel } = await clack();
  const answer = await multiselect<string>({
    message: question.message,
    options: question.options,
    required: true,
    output: process.stderr,
  });
  if (isCancel(answer)) cancelled();
  return answer;
}

/** A required repeatable flag: the given values, else a prompt for a comma-separated list. */
export async function askList(
  values: string[],
  flag: string,
  context: AskContext,
  question: { message: string; placeholder?: string; validate?: Validate },
): Promise<string[]> {
  if (values.length > 0) return values;
  const answer = await askText(undefined, flag, context, question);
  return answer
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The one positional argument (an id), asked for on a terminal, else a UsageError with the usage line. */
export async function idArgument(
  positionals: string[],
  ask: AskContext,
  what = "incident id",
  hint = "the id is the file name without .md; `ls incidents/*/` lists them",
): Promise<string> {
  if (positionals.length > 1)
    throw new UsageError(`Expected one ${what}, got ${positionals.length}: ${positionals.join(" ")}.`, `Usage: ${ask.usage}`);
  if (positionals[0]) return positionals[0];
  if (!ask.interactive) throw new UsageError(`Missing the ${what}.`, `Usage: ${ask.usage}  (${hint})`);
  return askText(undefined, "id", ask, { message: `${what[0].toUpperCase()}${what.slice(1)} (${hint})` });
}
