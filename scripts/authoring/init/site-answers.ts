// The answers `sitrep init` needs for a site — title, URL, time zone, components, repository —
// from the flags, or asked on a terminal. Every flag is checked first (all problems in one run);
// a wrong answer is asked again alone with its hint, the others kept (answer-loop.ts). Shared by
// the two kinds of init: a new records repository, and the template made the team's own.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { UsageError } from "../../errors.ts";
import type { OptionValues } from "../../cli/command.ts";
import { promptText, type AskContext } from "../flags/ask.ts";
import { list, str } from "../flags/flag-values.ts";
import { checkEach, collectAnswers, type Ask, type Question } from "./answer-loop.ts";
import { checkTimezone, checkUrl, parseComponentDefinition, type ComponentEntry } from "./config-text.ts";
import { checkRepository, repositoryFromRemote } from "./repository-answer.ts";

export interface InitAnswers {
  title: string;
  url: string;
  timezone: string;
  components: ComponentEntry[];
  repository: string | undefined;
}

/** The questions, in the order a terminal asks them; `origin` is `git remote get-url origin`, if any. */
export function siteQuestions(values: OptionValues, origin: string | undefined) {
  const defaultRepository = origin === undefined ? undefined : repositoryFromRemote(origin);
  return {
    title: question({
      flag: "title",
      given: str(values.title),
      required: true,
      check: ([v]) => v.trim(),
      prompt: { message: "Status site title", placeholder: "Acme Status" },
    }),
    url: question({
      flag: "url",
      given: str(values.url),
      required: true,
      check: ([v]) => checkUrl(v),
      prompt: { message: "Public URL of the status site", placeholder: "https://status.acme.com" },
    }),
    timezone: question({
      flag: "timezone",
      given: str(values.timezone),
      required: false,
      fallback: "UTC",
      check: ([v]) => checkTimezone(v),
      prompt: { message: "Time zone for displaying times", placeholder: "UTC", defaultValue: "UTC" },
    }),
    components: question({
      flag: "component",
      given: list(values.component),
      list: true,
      required: true,
      check: checkComponents,
      prompt: {
        message: "Components customers see, as id=Name@Group, comma-separated",
        placeholder: "api=Public API@Platform, web=Web app",
      },
    }),
    repository: question<string | undefined>({
      flag: "repository",
      given: str(values.repository),
      required: false,
      fallback: undefined,
      check: ([v]) => checkRepository(v),
      prompt: {
        message: `GitHub repository of these records, owner/name (for action-item issues and publish)${defaultRepository ? "" : "; Enter to leave it to GITHUB_REPOSITORY"}`,
        placeholder: defaultRepository ?? "acme/status",
        defaultValue: defaultRepository,
      },
    }),
  };
}

export async function askSiteAnswers(values: OptionValues, ask: AskContext, dir?: string): Promise<InitAnswers> {
  const prompt: Ask | undefined = ask.interactive
    ? (q) =>
        promptText({
          message: q.problem ? `${q.message} (${q.problem})` : q.message,
          placeholder: q.placeholder,
          defaultValue: q.defaultValue,
          optional: q.optional,
          validate: q.validate,
        })
    : undefined;
  // Without a terminal the repository is only what --repository says (a script gets what it typed).
  return collectAnswers(siteQuestions(values, ask.interactive && dir ? originUrl(dir) : undefined), prompt, ask.usage);
}

function question<T>(q: Question<T>): Question<T> {
  return q;
}

function checkComponents(values: string[]): ComponentEntry[] {
  const components = checkEach(values, parseComponentDefinition);
  const duplicate = components.find((c, i) => components.findIndex((d) => d.id === c.id) !== i);
  if (duplicate) throw new UsageError(`--component \`${duplicate.id}\` is given twice.`, "Each component id once.");
  return components;
}

/** `git remote get-url origin` in `dir`, or undefined (no git, no repository, no origin). */
function originUrl(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const result = spawnSync("git", ["remote", "get-url", "origin"], { cwd: dir, encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() !== "" ? result.stdout.trim() : undefined;
}
