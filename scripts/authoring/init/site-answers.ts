// The answers `sitrep init` needs for a site — title, URL, time zone, components, repository —
// from the flags, or asked on a terminal (a wrong answer is asked again with its hint). Shared by
// the two kinds of init: a new records repository, and the template made the team's own.
import { UsageError } from "../../errors.ts";
import type { OptionValues } from "../../cli/command.ts";
import { askList, askText, type AskContext } from "../flags/ask.ts";
import { list, str } from "../flags/flag-values.ts";
import { checkTimezone, checkUrl, parseComponentDefinition, timezoneProblem, type ComponentEntry } from "./config-text.ts";

export interface InitAnswers {
  title: string;
  url: string;
  timezone: string;
  components: ComponentEntry[];
  repository: string | undefined;
}

export async function askSiteAnswers(values: OptionValues, ask: AskContext): Promise<InitAnswers> {
  const interactive = ask.interactive;
  const title = (await askText(str(values.title), "title", ask, { message: "Status site title", placeholder: "Acme Status" })).trim();
  const url = checkUrl(await askText(str(values.url), "url", ask, {
    message: "Public URL of the status site", placeholder: "https://status.acme.com",
    validate: (v) => { try { checkUrl(v); return undefined; } catch (e) { return (e as Error).message; } },
  }));
  // A wrong --timezone on a terminal is asked again with the hint, instead of ending the wizard.
  const givenZone = str(values.timezone);
  const zoneProblem = givenZone === undefined ? undefined : timezoneProblem(givenZone);
  const timezone = checkTimezone(interactive && (givenZone === undefined || zoneProblem)
    ? await askText(undefined, "timezone", ask, {
      message: zoneProblem ? `Time zone for displaying times (\`${givenZone}\` is not one. ${zoneProblem})` : "Time zone for displaying times",
      defaultValue: "UTC", placeholder: "UTC", validate: timezoneProblem,
    })
    : givenZone ?? "UTC");
  const components = (await askList(list(values.component), "component", ask, {
    message: "Components customers see, as id=Name@Group, comma-separated",
    placeholder: "api=Public API@Platform, web=Web app",
  })).map(parseComponentDefinition);
  const duplicate = components.find((c, i) => components.findIndex((d) => d.id === c.id) !== i);
  if (duplicate) throw new UsageError(`--component \`${duplicate.id}\` is given twice.`, "Each component id once.");
  const repository = str(values.repository);
  if (repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new UsageError(`--repository \`${repository}\` is not owner/name.`, "e.g. --repository acme/status");
  }
  return { title, url, timezone, components, repository };
}
