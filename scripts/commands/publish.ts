// `sitrep publish`: the record changes in the working tree, from the terminal to a pull request the
// fast lane merges, in one step (issue 20, ADR 0114): start from an up-to-date default branch (or
// stay on the incident's branch, so a follow-up joins its open pull request), commit with a title
// that says what happened, push, open the pull request with the fast-lane label through the GitHub
// API, and say where and when it goes live. When a step fails it stops and prints the exact
// commands that are left, the label included.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { Command } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { SitrepError } from "../errors.ts";
import { shellQuote } from "../authoring/writes/pull-request-commands.ts";
import { loadRecordsContext } from "../authoring/writes/load-records-context.ts";
import { splitFrontMatter } from "../records/front-matter.ts";
import { assertReachable } from "../github/reachable.ts";
import { resolveGithubTarget } from "../github/octokit.ts";
import { formatTime } from "../authoring/flags/time-input.ts";
import { changedRecordPaths, defaultBranch, runGit } from "../pull-request/git.ts";
import { FAST_LANE_LABEL, githubToken, openPullRequest, type PullRequest } from "../pull-request/open-pull-request.ts";
import { publishTitle, type ChangedRecord } from "../pull-request/publish-title.ts";

interface Result {
  title: string;
  branch: string;
  files: string[];
  done: string[];
  pull: PullRequest | undefined;
  /** Why it stopped, and the commands left to run. */
  stopped: { why: string; remaining: string[] } | undefined;
  siteUrl: string;
  nothing: boolean;
}

function kindOf(file: string): ChangedRecord["kind"] {
  if (file === "sitrep.config.yaml") return "config";
  const folder = file.split("/")[0];
  return folder === "incidents" ? "incident" : folder === "postmortems" ? "postmortem" : folder === "runbooks" ? "runbook" : "other";
}

function frontMatter(text: string | undefined, file: string): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  if (file === "sitrep.config.yaml") return {};
  const split = splitFrontMatter(file, text);
  try {
    return split.ok ? ((parse(split.value.yaml) as Record<string, unknown>) ?? {}) : {};
  } catch {
    return {};
  }
}

export const command: Command<Result> = {
  spec: {
    name: "publish",
    summary: "Commit the record changes, push, and open the fast-lane pull request (one step).",
    usage: "sitrep publish [--title <title>] [--json]",
    description:
      "Takes the changed record files (incidents/, postmortems/, runbooks/, sitrep.config.yaml). On the default branch\n" +
      "it first brings it up to date (git pull --ff-only --autostash), then makes a branch named after the record;\n" +
      "on another branch (the incident's, with its pull request open) it commits there, so the update joins that pull\n" +
      "request. It commits with a title that says what happened, pushes, and opens the pull request with the label\n" +
      `${FAST_LANE_LABEL} through the GitHub API (GITHUB_TOKEN, else the gh CLI's token; github.repository or\n` +
      "GITHUB_REPOSITORY). If a step fails it stops and prints the exact commands left, the label included.\n" +
      "Exit 0 published (or nothing to publish), 1 stopped part way (the commands left are printed).",
    options: {
      title: {
        type: "string",
        short: "t",
        valueName: "title",
        description: 'The commit and pull-request title (default: what changed, e.g. "Escalate SEV2 → SEV1: …").',
      },
      json: jsonOption("Print {title, branch, files, pull, stopped} as JSON."),
    },
    examples: [
      'npx sitrep update checkout --message "Still rolling back; next update in 15 minutes." && npx sitrep publish',
      "npx sitrep publish --title 'Resolve: Checkout errors'",
    ],
  },

  async run({ values, cwd, env, now }) {
    const context = loadRecordsContext(cwd, now);
    const root = context.root;
    const top = runGit(root, ["rev-parse", "--show-toplevel"], env);
    if (!top.ok)
      throw new SitrepError(`${root} is not in a git repository, so there is nothing to publish to.`, {
        hint: "Run it in a clone of your records repository.",
      });
    const siteUrl = context.config.site.url;
    const files = changedRecordPaths(root, env);
    const base = defaultBranch(root, env);
    const current = runGit(root, ["rev-parse", "--abbrev-ref", "HEAD"], env).stdout.trim();
    if (files.length === 0)
      return { title: "", branch: current, files, done: [], pull: undefined, stopped: undefined, siteUrl, nothing: true };

    const changes: ChangedRecord[] = files.map((file) => {
      const head = runGit(root, ["show", `HEAD:${file}`], env);
      let after: string | undefined;
      try {
        after = readFileSync(path.join(root, file), "utf8");
      } catch {
        after = undefined;
      }
      return {
        path: file,
        id: path.posix.basename(file, ".md"),
        kind: kindOf(file),
        before: frontMatter(head.ok ? head.stdout : undefined, file),
        after: frontMatter(after, file),
      };
    });
    const title = typeof values.title === "string" && values.title.trim() ? values.title.trim() : publishTitle(changes, context.config);
    const main = changes.find((c) => c.kind === "incident") ?? changes[0];
    const stamp = formatTime(now).slice(0, 16).replace(/[-:T]/g, "");
    const onBase = current === base || current === "HEAD";
    const branch = onBase
      ? `${(main.after as { type?: string } | undefined)?.type === "maintenance" ? "maintenance" : main.kind === "incident" ? "incident" : main.kind}/${main.id}-${stamp}`
      : current;

    const steps: { run: string[]; show: string }[] = [
      ...(onBase
        ? [
            { run: ["pull", "--ff-only", "--autostash", "--quiet", "origin", base], show: `git pull --ff-only --autostash origin ${base}` },
            { run: ["switch", "--quiet", "-c", branch], show: `git switch -c ${shellQuote(branch)}` },
          ]
        : []),
      { run: ["add", "--", ...files], show: `git add ${files.map(shellQuote).join(" ")}` },
      { run: ["commit", "--quiet", "-m", title, "--", ...files], show: `git commit -m ${shellQuote(title)}` },
      { run: ["push", "--quiet", "-u", "origin", branch], show: `git push -u origin ${shellQuote(branch)}` },
    ];
    const prCommand = `gh pr create --fill --base ${shellQuote(base)} --label ${FAST_LANE_LABEL}`;
    const done: string[] = [];
    /** Where publishing stopped, with the commands still to run by hand (the PR's last). */
    const stop = (why: string, before: string[] = []) => ({
      title,
      branch,
      files,
      done,
      pull: undefined,
      siteUrl,
      nothing: false,
      stopped: { why, remaining: [...before, prCommand] },
    });
    for (const [i, step] of steps.entries()) {
      const result = runGit(root, step.run, env);
      if (!result.ok) {
        return stop(
          `\`${step.show}\` failed: ${result.stderr.split("\n")[0]}`,
          steps.slice(i).map((s) => s.show),
        );
      }
      done.push(step.show);
    }
    const token = githubToken(env);
    if (!token) return stop("no GitHub token (GITHUB_TOKEN is not set and the gh CLI is not logged in)");
    try {
      const target = { ...resolveGithubTarget(env, context.config), token };
      await assertReachable(target.apiUrl, env);
      const pull = await openPullRequest(
        target,
        { head: branch, base, title, body: `${title}\n\nOpened by \`sitrep publish\`; the fast lane merges it once \`ci-ok\` passes.` },
        env,
      );
      return { title, branch, files, done, pull, stopped: undefined, siteUrl, nothing: false };
    } catch (error) {
      return stop(`GitHub could not be reached or refused the pull request: ${(error as Error).message.split("\n")[0]}`);
    }
  },

  present(result, input) {
    if (input.values.json === true) return { stdout: JSON.stringify(result, null, 2), exitCode: result.stopped ? 1 : 0 };
    if (result.nothing) return { stdout: "· Nothing to publish: no record file has changes.", exitCode: 0 };
    const lines = [`${result.stopped ? "✖" : "✔"} ${result.title}`, ...result.files.map((f) => `  ${f}`), ""];
    for (const step of result.done) lines.push(`  done  ${step}`);
    if (result.stopped) {
      lines.push(
        "",
        `Stopped: ${result.stopped.why}.`,
        "Run what is left:",
        ...result.stopped.remaining.map((c) => `  ${c}`),
        "",
        `The label ${FAST_LANE_LABEL} lets the fast lane merge it once CI passes.`,
      );
      return { stdout: lines.join("\n"), exitCode: 1 };
    }
    const pull = result.pull!;
    lines.push(
      `  ${pull.created ? "opened" : "joined"} pull request #${pull.number} (label ${FAST_LANE_LABEL}): ${pull.url}`,
      "",
      `Live in about 4–5 minutes once CI passes (CI ~1.5 min, fast lane < 0.5 min, deploy 2–3 min): ${result.siteUrl}`,
    );
    return { stdout: lines.join("\n"), exitCode: 0 };
  },
};
