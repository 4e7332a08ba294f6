// A records repository with a known history, built commit by commit with fixed dates, that
// exercises everything the history reader must survive: a rename, a reopened incident, a merge
// commit, a squash merge, a revert, a deleted record, a revision that did not parse, an action
// item moved between postmortems, and recorded times in several offsets.
//
// Expected values used by the tests are written next to the commits that produce them.
import { createGitRepo, type GitRepo } from "../helpers/git-repo.ts";

export const CONFIG = `site:
  title: Test Status
  url: https://status.test.example
components:
  - id: api
    name: API
  - id: web
    name: Web
`;

export const A_OLD = "incidents/2026/2026-03-02-api-errors.md";
export const A = "incidents/2026/2026-03-02-api-outage.md";
export const B = "incidents/2026/2026-03-05-web-slow.md";
export const D = "incidents/2026/2026-03-15-temp.md";
export const E = "incidents/2026/2026-03-22-gameday.md";
export const F = "incidents/2026/2026-03-23-cert-near-miss.md";
export const P = "postmortems/2026-03-02-api-outage.md";
export const Q = "postmortems/2026-03-05-web-slow.md";

function incidentA(status: "investigating" | "resolved" | "identified"): string {
  // started 10:00+01:00 = 09:00Z; detected 09:10Z; acknowledged 04:15-05:00 = 09:15Z;
  // mitigated 09:40Z; resolved 11:00+01:00 = 10:00Z → TTD 10, TTA 5, TTM 40, TTR 60 minutes.
  const resolved = status === "resolved";
  const updates = [
    "  - at: 2026-03-02T09:20:00Z\n    status: investigating\n    body: Errors on the API.",
    "  - at: 2026-03-02T09:35:00Z\n    status: identified\n    body: Found it.",
    "  - at: 2026-03-02T09:50:00Z\n    status: monitoring\n    body: Fixed, watching.",
    "  - at: 2026-03-02T10:00:00Z\n    status: resolved\n    body: Resolved.",
  ];
  const shown =
    status === "investigating"
      ? updates.slice(0, 1)
      : status === "identified"
        ? [...updates.slice(0, 3), "  - at: 2026-03-03T09:00:00Z\n    status: identified\n    body: Errors are back."]
        : updates;
  return `---
title: API errors
severity: SEV1
status: ${status}
components:
  api: major_outage
started_at: 2026-03-02T10:00:00+01:00
detected_at: 2026-03-02T09:10:00Z
acknowledged_at: 2026-03-02T04:15:00-05:00
${status !== "investigating" ? "mitigated_at: 2026-03-02T09:40:00Z\n" : ""}${resolved ? "resolved_at: 2026-03-02T11:00:00+01:00\n" : ""}roles:
  commander: alice
updates:
${shown.join("\n")}
---

The API returned errors.
`;
}

function incidentB(broken = false): string {
  // started 10:00+02:00 = 08:00Z; detected 08:30Z; ack 08:50Z; mitigated 09:00Z; resolved 10:00Z
  // → TTD 30, TTA 20, TTM 60, TTR 120. Updates 80 minutes apart: one gap for SEV3 (60).
  return `---
title: ${broken ? "[unclosed" : "Web slow"}
severity: SEV3
status: resolved
components:
  web: degraded_performance
started_at: 2026-03-05T10:00:00+02:00
detected_at: 2026-03-05T08:30:00Z
acknowledged_at: 2026-03-05T08:50:00Z
mitigated_at: 2026-03-05T09:00:00Z
resolved_at: 2026-03-05T10:00:00Z
roles:
  commander: bob
updates:
  - at: 2026-03-05T08:40:00Z
    status: investigating
    body: Slow pages.
  - at: 2026-03-05T10:00:00Z
    status: resolved
    body: Fast again.
---
`;
}

const simpleIncident = (title: string, extra: string, start: string, end: string) => `---
title: ${title}
severity: SEV2
status: resolved
${extra}started_at: ${start}
detected_at: ${start}
acknowledged_at: ${start}
mitigated_at: ${end}
resolved_at: ${end}
roles:
  commander: carol
updates:
  - at: ${end}
    status: resolved
    body: Done.
---
`;

interface Item {
  id: string;
  priority: "P1" | "P2" | "P3";
  status: "open" | "done" | "wont_do";
  owner?: string;
}

function postmortem(incident: string, status: string, items: Item[], publishedAt?: string): string {
  const list = items
    .map(
      (i) =>
        `  - id: ${i.id}\n    title: Do ${i.id}\n    owner: ${i.owner ?? "dana"}\n    priority: ${i.priority}\n    kind: prevent\n    status: ${i.status}`,
    )
    .join("\n");
  return `---
incident: ${incident}
status: ${status}
${publishedAt ? `published_at: ${publishedAt}\n` : ""}action_items:
${list}
---

## Summary

Text.
`;
}

export interface Scenario {
  repo: GitRepo;
  mergeCommit: string;
}

export function buildScenario(): Scenario {
  const repo = createGitRepo({ prefix: "sitrep-scenario-" });
  repo.commit("Config", "2026-03-01T09:00:00Z", { "sitrep.config.yaml": CONFIG, "incidents/README.md": "# Incidents\n" });
  // Declared 09:30Z: declaration lag 20 minutes after detection.
  repo.commit("Declare A", "2026-03-02T10:30:00+01:00", { [A_OLD]: incidentA("investigating") });
  repo.commit("Resolve A", "2026-03-02T10:05:00Z", { [A_OLD]: incidentA("resolved") });
  repo.rename(A_OLD, A, "Rename A", "2026-03-03T08:00:00Z");
  repo.commit("Reopen A", "2026-03-03T09:00:00Z", { [A]: incidentA("identified") });
  repo.commit("Resolve A again", "2026-03-03T12:00:00Z", { [A]: incidentA("resolved") });

  // Postmortem written on a branch (dated the 4th) and merged with a merge commit on the 6th.
  repo.git(["checkout", "--quiet", "-b", "pm-a"]);
  const open: Item[] = [
    { id: "add-alert", priority: "P1", status: "open" },
    { id: "fix-retry", priority: "P2", status: "open" },
    { id: "write-doc", priority: "P3", status: "open" },
  ];
  repo.commit("Postmortem A draft", "2026-03-04T09:00:00Z", { [P]: postmortem("2026-03-02-api-outage", "draft", open) });
  repo.git(["checkout", "--quiet", "main"]);
  // Declared 10:00Z: lag 90 minutes after detection (08:30Z).
  repo.commit("Declare B", "2026-03-05T12:00:00+02:00", { [B]: incidentB() });
  repo.git(["merge", "--quiet", "--no-ff", "pm-a", "-m", "Merge pm-a"], { date: "2026-03-06T15:00:00Z" });
  const mergeCommit = repo.head();

  // Squash merge of a branch with two commits: done on the 12th, when it reached main.
  repo.git(["checkout", "--quiet", "-b", "done-alert"]);
  const done: Item[] = [{ ...open[0], status: "done" }, open[1], open[2]];
  repo.commit("Alert done", "2026-03-10T09:00:00Z", { [P]: postmortem("2026-03-02-api-outage", "in_review", done) });
  repo.commit("Publish", "2026-03-11T09:00:00Z", { [P]: postmortem("2026-03-02-api-outage", "published", done, "2026-03-09T10:00:00Z") });
  repo.git(["checkout", "--quiet", "main"]);
  repo.git(["merge", "--quiet", "--squash", "done-alert"]);
  repo.commit("Squashed: alert done, postmortem published", "2026-03-12T10:00:00Z");

  // A wont_do, reverted the next day: the item is reopened.
  repo.commit("fix-retry wont_do", "2026-03-13T10:00:00Z", {
    [P]: postmortem("2026-03-02-api-outage", "published", [done[0], { ...open[1], status: "wont_do" }, open[2]], "2026-03-09T10:00:00Z"),
  });
  repo.git(["revert", "--no-edit", "HEAD"], { date: "2026-03-14T10:00:00Z" });

  // A record added and deleted.
  repo.commit("Declare D", "2026-03-15T10:00:00Z", { [D]: simpleIncident("Temp", "", "2026-03-15T09:00:00Z", "2026-03-15T09:30:00Z") });
  repo.commit("Delete D", "2026-03-16T10:00:00Z", { [D]: null });

  // B broken for a day (does not parse), then fixed.
  repo.commit("Break B", "2026-03-17T10:00:00Z", { [B]: incidentB(true) });
  repo.commit("Fix B", "2026-03-18T10:00:00Z", { [B]: incidentB() });

  // A postmortem for B, then write-doc moves from A's postmortem to B's, then is done.
  const q: Item[] = [{ id: "b-item", priority: "P3", status: "open" }];
  repo.commit("Postmortem B", "2026-03-19T10:00:00Z", { [Q]: postmortem("2026-03-05-web-slow", "draft", q) });
  repo.commit("Move write-doc to B", "2026-03-20T10:00:00Z", {
    [P]: postmortem("2026-03-02-api-outage", "published", [done[0], open[1]], "2026-03-09T10:00:00Z"),
    [Q]: postmortem("2026-03-05-web-slow", "draft", [...q, open[2]]),
  });
  repo.commit("write-doc done", "2026-03-21T10:00:00Z", {
    [Q]: postmortem("2026-03-05-web-slow", "draft", [...q, { ...open[2], status: "done" }]),
  });

  // A drill and a near-miss, excluded from metrics unless asked.
  repo.commit("Drill and near-miss", "2026-03-23T10:00:00Z", {
    [E]: simpleIncident("Game day", "drill: true\n", "2026-03-22T10:00:00Z", "2026-03-22T11:00:00Z"),
    [F]: simpleIncident("Cert near miss", "type: near_miss\n", "2026-03-23T08:00:00Z", "2026-03-23T08:20:00Z"),
  });
  return { repo, mergeCommit };
}
