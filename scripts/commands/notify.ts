// `sitrep notify`: send every public update that is new in this build to the channels in
// `notifications:`. The logic lives in scripts/notify/; this file is flags and printing.
import type { Command } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { fenceUntrusted, onActions } from "../core/workflow-commands.ts";
import type { Problem } from "../core/diagnostic.ts";
import { annotations, problemText } from "../core/problem-output.ts";
import { findRecordsRoot } from "../records/root.ts";
import { emailMessage } from "../notify/formats/email.ts";
import { HEADLINES } from "../notify/headlines.ts";
import { exitCodeOf, runNotify, type NotifyReport } from "../notify/run.ts";

export const command: Command<NotifyReport> = {
  spec: {
    name: "notify",
    summary: "Send the public updates that are new in this build to Slack, Teams, Discord, webhooks and email.",
    usage:
      "sitrep notify [--previous <folder|URL>] [--site dist] [--all] [--dry-run] [--sent <folder>] [--record-sent <file>] [--live <URL> | --skip-live-check] [--json] | sitrep notify --snapshot <folder> [--previous <URL>]",
    description:
      "Compares the built public site (--site, default $SITREP_OUT_DIR or dist) with the site published before it (--previous:\n" +
      "a folder, e.g. a --snapshot, or a URL; default site.url, the live site) and sends each update the previous site did not have, once, to every channel\n" +
      "in `notifications:` of sitrep.config.yaml. Only the public build is read, never the records: what is sent is what the page shows.\n" +
      "If the previous site is missing or unreachable nothing is sent (say --all to send every update of the build); nor when it is\n" +
      "empty, or more events than notify.max_events are new (--all sends anyway). Only a public build is sent (its build.json says so).\n" +
      "Before sending, notify waits (notify.live_wait_seconds) until the live site (--live, default site.url) serves this build;\n" +
      "if it does not, nothing is sent and the exit is 2. --sent/--record-sent: what earlier attempts of a workflow run delivered.\n" +
      "A failed delivery is retried with backoff (1 s, 2 s, 4 s); a failing channel never stops the others.\n" +
      "--snapshot <folder> saves the previous site's files (default: site.url) for a later run, and sends nothing.\n" +
      "Exit 0 sent (or nothing new), 1 nothing sent because the previous site could not be read, is empty or too much is new,\n" +
      "2 a channel failed or cannot send, the target does not serve this build, or the build is not public.",
    options: {
      previous: {
        type: "string",
        valueName: "folder|URL",
        description: "The site as published before this build: a folder (e.g. a --snapshot) or a URL (default: site.url, the live site).",
      },
      site: { type: "string", valueName: "folder", description: "The built public site (default: $SITREP_OUT_DIR, else dist)." },
      all: { type: "boolean", description: "Send every update in the build when there is no usable previous site." },
      "dry-run": { type: "boolean", description: "Print what would be sent to each channel; send nothing." },
      snapshot: {
        type: "string",
        valueName: "folder",
        description: "Save the previous site's files (--previous, default site.url) into <folder>; send nothing.",
      },
      sent: {
        type: "string",
        valueName: "folder",
        description: "Ledgers of earlier attempts of this workflow run (--record-sent files): what they delivered is not sent again.",
      },
      "record-sent": {
        type: "string",
        valueName: "file",
        description: "Write what this run delivered (and what --sent held) to <file>, for a re-run.",
      },
      live: {
        type: "string",
        valueName: "URL",
        description: "Where the target serves the site (default: site.url); sending waits until its build.json is this build's.",
      },
      "skip-live-check": {
        type: "boolean",
        description: "Send without checking that the target serves this build (a resend by hand of an older deploy).",
      },
      json: jsonOption("Print the report (events, payloads with --dry-run, outcomes) as JSON."),
    },
    examples: [
      "npx sitrep notify --previous https://status.example.com --dry-run",
      "npx sitrep notify --snapshot .notify-previous   # before deploying",
      "npx sitrep notify --previous .notify-previous    # after the site is live",
    ],
  },

  async run({ values, cwd, env }) {
    return runNotify({
      root: findRecordsRoot(cwd),
      cwd,
      env,
      site: (values.site as string | undefined) ?? env.SITREP_OUT_DIR ?? "dist",
      previous: values.previous as string | undefined,
      all: values.all === true,
      dryRun: values["dry-run"] === true,
      snapshot: values.snapshot as string | undefined,
      sent: values.sent as string | undefined,
      recordSent: values["record-sent"] as string | undefined,
      live: values.live as string | undefined,
      skipLiveCheck: values["skip-live-check"] === true,
    });
  },

  present(report, { values, env }) {
    const exitCode = exitCodeOf(report);
    const stdout = values.json ? JSON.stringify(jsonReport(report, exitCode), null, 2) : formatReport(report);
    const found = problems(report);
    if (!onActions(env)) return { stdout, stderr: found.map(problemText).join("\n"), exitCode };
    // On Actions: problems become annotations on the run (their data escaped, so one line each);
    // the report quotes incident titles, so it is fenced against workflow commands.
    return { stdout: fenceUntrusted(stdout), stderr: annotations(found).join("\n"), exitCode, workflowCommands: true };
  },
};

function formatReport(report: NotifyReport): string {
  if (report.mode === "snapshot") {
    return report.snapshot
      ? `sitrep notify: saved ${report.snapshot.files.length} file(s) of ${report.previous.location} (built ${report.previous.builtAt}) to ${report.snapshot.folder}.`
      : `sitrep notify: nothing saved: ${report.previous.reason}. The next notify will find no previous site and send nothing.`;
  }
  const since = report.previous.ok ? `since ${report.previous.location} (built ${report.previous.builtAt})` : "in this build";
  const lines = [`sitrep notify: ${report.events.length} new update(s) ${since}.`];
  for (const event of report.events)
    lines.push(`  ${event.at}  ${HEADLINES[event.kind]}: ${event.incident?.name ?? event.postmortem?.title ?? event.id}`);
  if (!report.sending) return [...lines, "Nothing was sent."].join("\n");
  if (report.plans.length === 0) lines.push("No channels in `notifications:` of sitrep.config.yaml: nothing to send.");
  for (const plan of report.plans) {
    const outcome = report.outcomes.find((o) => o.name === plan.channel.name);
    const filtered =
      (plan.filtered.length ? `, ${plan.filtered.length} left out by its filters` : "") +
      (plan.alreadySent.length ? `, ${plan.alreadySent.length} sent by an earlier attempt` : "");
    if (report.mode === "dry-run") {
      const requests = plan.deliveries.reduce((n, d) => n + (d.payload.kind === "http" ? d.payload.requests.length : 1), 0);
      lines.push(
        `${plan.channel.name} (${plan.channel.type}): would send ${plan.deliveries.length} message(s)${requests > plan.deliveries.length ? ` in ${requests} requests` : ""}${filtered}.${plan.channel.problem ? ` Not ready: ${plan.channel.problem.message}` : ""}`,
      );
      continue;
    }
    const count = (status: string) => outcome?.deliveries.filter((d) => d.status === status).length ?? 0;
    lines.push(
      `${plan.channel.name} (${plan.channel.type}): ${count("sent")} sent${count("failed") ? `, ${count("failed")} failed` : ""}${count("not_sent") ? `, ${count("not_sent")} not sent` : ""}${filtered}.`,
    );
  }
  if (report.mode === "dry-run") {
    // Each message once, as its email text reads (every channel says the same; --json has each channel's payloads).
    const shown = new Set<string>();
    for (const d of report.plans.flatMap((p) => p.deliveries)) {
      if (shown.has(d.event.id)) continue;
      shown.add(d.event.id);
      lines.push("", indent(emailMessage(d.message).text.split("\n--\n")[0]));
    }
    lines.push("", "Dry run: nothing was sent. --json shows every channel's payloads.");
  }
  return lines.join("\n");
}

/** Everything a person must act on, with what to do. */

function problems(report: NotifyReport): Problem[] {
  const out: Problem[] = [];
  if (report.mode === "snapshot" && !report.snapshot) {
    out.push({
      severity: "warning",
      rule: "notify-previous-site",
      message: `the live site could not be saved for notify: ${report.previous.reason}.`,
      hint: "The deploy goes ahead; notify will send nothing for it (better silent than twice), and the next deploy compares with what is live then.",
    });
  }
  if (report.mode !== "snapshot" && !report.previous.ok && report.previous.location !== null) {
    out.push({
      severity: report.sending ? "warning" : "error",
      rule: "notify-previous-site",
      message: `the previous site could not be read: ${report.previous.reason}.`,
      hint: report.sending
        ? "--all: every update in this build was sent."
        : "Nothing was sent, so nobody hears twice. If this is the first deploy, that is expected; to announce this build's updates anyway, run again with --all.",
    });
  }
  if (report.mode !== "snapshot" && report.refusal) out.push({ severity: "error", ...report.refusal });
  for (const plan of report.plans)
    if (plan.channel.problem && plan.deliveries.length > 0 && report.mode === "send")
      out.push({ severity: "error", rule: "notify-channel", ...plan.channel.problem });
  for (const outcome of report.outcomes) {
    const failed = outcome.deliveries.filter((x) => x.status === "failed");
    const unsent = outcome.deliveries.filter((d) => d.status !== "sent").length;
    for (const [i, d] of failed.entries())
      out.push({
        severity: "error",
        rule: "notify-delivery",
        message: `${outcome.name}: ${d.eventId} failed after ${d.attempts} attempt(s): ${d.errors.at(-1)}`,
        hint:
          i === failed.length - 1
            ? `${unsent} message(s) did not reach ${outcome.name}. The next deploy will not resend them (they are published now); once the endpoint works, re-run this notify job: it sends what this deploy has not delivered, and nothing twice (docs/notifications.md).`
            : `See the last failure of ${outcome.name} for what to do.`,
      });
  }
  return out;
}

function jsonReport(report: NotifyReport, exitCode: number) {
  return {
    mode: report.mode,
    exitCode,
    previous: report.previous,
    current: report.current,
    sending: report.sending,
    snapshot: report.snapshot,
    refusal: report.refusal,
    live: report.live,
    events: report.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      incident: e.incident?.id,
      title: e.incident?.name ?? e.postmortem?.title,
    })),
    channels: report.plans.map((plan) => ({
      name: plan.channel.name,
      type: plan.channel.type,
      problem: plan.channel.problem?.message,
      filtered: plan.filtered.map((e) => e.id),
      already_sent: plan.alreadySent.map((e) => e.id),
      deliveries: plan.deliveries.map((d) => ({
        event: d.event.id,
        ...(report.mode === "dry-run"
          ? {
              payload:
                d.payload.kind === "email"
                  ? d.payload.email
                  : d.payload.requests.map((r) => ({ label: r.label, body: JSON.parse(r.body) })),
            }
          : {}),
        ...report.outcomes.find((o) => o.name === plan.channel.name)?.deliveries.find((x) => x.eventId === d.event.id),
      })),
    })),
  };
}

const indent = (text: string): string =>
  text
    .split("\n")
    .map((l) => (l ? `    ${l}` : l))
    .join("\n");
