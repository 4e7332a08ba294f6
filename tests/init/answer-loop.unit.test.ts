// The answer loop of init, driven in-process by a scripted `ask`: without a terminal every
// problem with the flags in one error; on a terminal a wrong answer asked again alone with its
// hint, every earlier answer kept; the repository offered from the origin remote.
import { expect, test } from "vitest";
import { SitrepError } from "../../scripts/errors.ts";
import { collectAnswers, type Prompt } from "../../scripts/authoring/init/answer-loop.ts";
import { siteQuestions } from "../../scripts/authoring/init/site-answers.ts";
import { repositoryFromRemote } from "../../scripts/authoring/init/repository-answer.ts";

/** An `ask` that answers from a list, recording each prompt it was shown. */
function scripted(answers: string[]) {
  const asked: Prompt[] = [];
  const ask = async (prompt: Prompt) => {
    asked.push(prompt);
    if (answers.length === 0) throw new Error(`asked more than scripted: ${prompt.message}`);
    return answers.shift()!;
  };
  return { ask, asked };
}

async function failure(promise: Promise<unknown>): Promise<SitrepError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SitrepError)) throw new Error(`expected a SitrepError, got ${String(error)}`);
  return error;
}

test("without a terminal, every problem with the flags is named once, only the flags typed and the missing", async () => {
  const values = { url: "status.acme", timezone: "Europe/Berln", component: ["api", "Web=Web app", "ok=Fine"], repository: "acme" };
  const error = await failure(collectAnswers(siteQuestions(values, undefined), undefined, "sitrep init …"));
  expect(error.exitCode).toBe(2);
  const lines = error.message.split("\n");
  expect(lines[0]).toBe("6 problems with the flags; nothing was written:");
  expect(lines.slice(1)).toEqual([
    expect.stringMatching(/^ {2}- Missing --title\. stdin is not a terminal/),
    expect.stringMatching(/^ {2}- --url `status\.acme` is not a URL\./),
    expect.stringMatching(/^ {2}- --timezone `Europe\/Berln` is not an IANA time zone\. Did you mean `Europe\/Berlin`\?/),
    expect.stringMatching(/^ {2}- --component `api` is not <id>=<Name>\[@<Group>\]\./),
    expect.stringMatching(/^ {2}- --component id `Web` is not kebab-case\./),
    expect.stringMatching(/^ {2}- --repository `acme` is not owner\/name\./),
  ]);
  expect(error.message).not.toMatch(/--description|--keep-examples/);
});

test("without a terminal, one problem is reported as itself, and good flags are the answers", async () => {
  const one = await failure(
    collectAnswers(
      siteQuestions({ title: "A", url: "https://a.example", component: ["api=API"], timezone: "Mars/Base" }, undefined),
      undefined,
      "u",
    ),
  );
  expect(one.message).toBe("--timezone `Mars/Base` is not an IANA time zone.");
  const missing = await failure(collectAnswers(siteQuestions({ title: "A" }, undefined), undefined, "u"));
  expect(missing.message).toBe("Missing --url and --component.");
  const good = await collectAnswers(
    siteQuestions({ title: " A ", url: "https://a.example", component: ["api=API@Core"], timezone: "europe/berlin" }, undefined),
    undefined,
    "u",
  );
  expect(good).toEqual({
    title: "A",
    url: "https://a.example",
    timezone: "Europe/Berlin",
    components: [{ id: "api", name: "API", group: "Core" }],
    repository: undefined,
  });
});

test("on a terminal, a wrong component answer is asked again alone; title, URL and zone are kept", async () => {
  const { ask, asked } = scripted([
    "Acme Status",
    "https://status.acme.com",
    "Europe/Berlin",
    "api=Public API, Web=Web app",
    "api=Public API, web=Web app",
    "",
  ]);
  const answers = await collectAnswers(siteQuestions({}, "git@github.com:acme/status.git"), ask, "u");
  expect(answers).toEqual({
    title: "Acme Status",
    url: "https://status.acme.com",
    timezone: "Europe/Berlin",
    components: [
      { id: "api", name: "Public API" },
      { id: "web", name: "Web app" },
    ],
    repository: "acme/status",
  });
  expect(asked.map((p) => p.flag)).toEqual(["title", "url", "timezone", "component", "component", "repository"]);
  expect(asked[4].problem).toMatch(/^Id `Web` is not kebab-case\. Ids are lower-case letters/);
  expect(asked[3].problem).toBeUndefined();
  expect(asked[5].defaultValue).toBe("acme/status"); // from the origin remote: Enter takes it
});

test("on a terminal, good flags are not asked; a wrong flag is asked with its problem, a wrong answer again", async () => {
  const { ask, asked } = scripted(["nope", "https://status.acme.com", "acme/status"]);
  const answers = await collectAnswers(
    siteQuestions({ title: "Acme", url: "ftp://x", component: ["api=API"], timezone: "UTC" }, undefined),
    ask,
    "u",
  );
  expect(answers.url).toBe("https://status.acme.com");
  expect(answers.title).toBe("Acme");
  expect(asked.map((p) => p.flag)).toEqual(["url", "url", "repository"]);
  expect(asked[0].problem).toMatch(/^`ftp:\/\/x` is not an http\(s\) URL\./);
  expect(asked[1].problem).toMatch(/^`nope` is not a URL\./);
  expect(asked[0].validate("https://ok.example")).toBeUndefined();
  expect(asked[2].optional).toBe(true);
});

test("an empty answer to the optional repository without an origin leaves it unset; a required one is asked again", async () => {
  const { ask, asked } = scripted(["", "Acme", ""]);
  const answers = await collectAnswers(
    siteQuestions({ url: "https://a.example", component: ["api=API"], timezone: "UTC" }, undefined),
    ask,
    "u",
  );
  expect(answers.title).toBe("Acme");
  expect(answers.repository).toBeUndefined();
  expect(asked[1].problem).toBe("Required (Acme Status).");
});

test("owner/name is read from the usual remote URLs", () => {
  expect(repositoryFromRemote("https://github.com/acme/status.git")).toBe("acme/status");
  expect(repositoryFromRemote("git@github.com:acme/status.git")).toBe("acme/status");
  expect(repositoryFromRemote("ssh://git@ghe.acme.com/acme/status-page")).toBe("acme/status-page");
  expect(repositoryFromRemote("https://gitlab.example/group/sub/status")).toBeUndefined();
  expect(repositoryFromRemote("/srv/git/status")).toBeUndefined();
  expect(repositoryFromRemote("status")).toBeUndefined();
});
