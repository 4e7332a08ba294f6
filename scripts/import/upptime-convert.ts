// Upptime incidents (GitHub issues its monitor opens, labelled `status` and the site's slug, closed
// with a "**Resolved:**" comment when the site is back) and sites (`.upptimerc.yml`) → neutral
// imported incidents. Upptime records no status beyond the title it writes ("🛑 <site> is down",
// "⚠️ <site> has degraded performance"), so that is what gives the impact; every comment is an
// update, a "**Resolved:**" comment or the closing resolves. Pure.
import { parse } from "yaml";
import type { ImportedIncident, ImportedUpdate, ImportSourceData, SourceComponent } from "./imported.ts";
import { sourceError, utcTime } from "./source-error.ts";
import { slug } from "./unique-id.ts";

export interface UpptimeIssue {
  number: number;
  title: string;
  body: string | null;
  state: string;
  created_at: string;
  closed_at: string | null;
  labels: string[];
  pull_request?: unknown;
  comments: { body: string; created_at: string }[];
}

export interface UpptimeConfig {
  owner?: string;
  repo?: string;
  sites: SourceComponent[];
}

const CLOSED_BODY = "The issue was closed.";

/** `.upptimerc.yml` → owner, repo and the sites (keyed by Upptime's slug, which labels its issues). */
export function upptimeConfig(text: string, where: string): UpptimeConfig {
  // biome-ignore lint/suspicious/noExplicitAny: .upptimerc.yml as parsed; every field is checked with typeof before use.
  let data: any;
  try {
    data = parse(text);
  } catch (error) {
    throw sourceError(
      where,
      `is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
      "Fix .upptimerc.yml (Upptime reads it too), then import again.",
    );
  }
  const sites = Array.isArray(data?.sites) ? data.sites : [];
  return {
    owner: typeof data?.owner === "string" ? data.owner : undefined,
    repo: typeof data?.repo === "string" ? data.repo : undefined,
    // biome-ignore lint/suspicious/noExplicitAny: a site as parsed from YAML; checked with typeof here.
    sites: sites.map((s: any, i: number) => {
      const name = typeof s?.name === "string" ? s.name.trim() : "";
      if (!name) throw sourceError(`${where}, site ${i + 1}`, "it has no name.", "Give every site in `sites:` a name.");
      return { key: typeof s.slug === "string" ? s.slug : slug(name, "site"), name };
    }),
  };
}

export function convertUpptime(issues: readonly UpptimeIssue[], sites: readonly SourceComponent[], origin: string): ImportSourceData {
  const data: ImportSourceData = { system: "upptime", origin, components: [...sites], incidents: [], skipped: [], notes: [] };
  const bySlug = new Map(sites.map((s) => [s.key, s]));
  for (const issue of [...issues].sort((a, b) => a.number - b.number)) {
    const source = `upptime:${issue.number}`;
    const title =
      issue.title
        .replace(/^[^\p{L}\p{N}]+/u, "")
        .replace(/\s+/g, " ")
        .trim() || `Issue ${issue.number}`;
    const label = `#${issue.number} "${title}"`;
    const where = `issue #${issue.number}`;
    if (issue.pull_request) continue;
    const down = /\bis down\b/i.test(issue.title);
    const degraded = /degraded/i.test(issue.title);
    const affected = issue.labels.map((l) => bySlug.get(l)).filter((s): s is SourceComponent => s !== undefined);
    if (!down && !degraded && affected.length === 0) {
      data.skipped.push({
        source,
        label,
        reason: "it names no site of .upptimerc.yml in its labels and is not an Upptime down/degraded issue",
      });
      continue;
    }
    const status = down ? "major_outage" : "degraded_performance";
    const components: Record<string, string> = {};
    for (const site of affected) components[site.key] = status;
    const opened = utcTime(issue.created_at, where, "created_at");
    const updates: ImportedUpdate[] = [{ at: opened, status: "investigating", body: (issue.body ?? "").trim() || `${title}.` }];
    for (const [i, comment] of issue.comments.entries()) {
      const at = utcTime(comment.created_at, `${where}, comment ${i + 1}`, "created_at");
      const resolved = /^\s*\*\*Resolved:?\*\*/i.test(comment.body);
      updates.push({
        at: Date.parse(at) < Date.parse(opened) ? opened : at,
        status: resolved ? "resolved" : "investigating",
        body: comment.body.trim() || "(No message was posted with this update.)",
      });
    }
    updates.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const closed = issue.state === "closed" && issue.closed_at ? utcTime(issue.closed_at, where, "closed_at") : undefined;
    const firstResolution = updates.findIndex((u) => u.status === "resolved");
    if (closed && updates[updates.length - 1].status !== "resolved") {
      updates.push({
        at: Date.parse(closed) < Date.parse(updates[updates.length - 1].at) ? updates[updates.length - 1].at : closed,
        status: "resolved",
        body: CLOSED_BODY,
      });
    }
    if (!closed) for (const u of updates) if (u.status === "resolved") u.status = "monitoring";
    // A comment after the resolution (someone's note) stays an update, in the resolved state.
    if (closed && firstResolution >= 0) for (let i = firstResolution; i < updates.length; i++) updates[i].status = "resolved";
    const incident: ImportedIncident = {
      source,
      label,
      type: "incident",
      title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
      impact: down ? "critical" : "minor",
      status: updates[updates.length - 1].status,
      started_at: opened,
      components,
      updates,
      body: "",
    };
    if (incident.status === "resolved") incident.resolved_at = updates.find((u) => u.status === "resolved")!.at;
    data.incidents.push(incident);
  }
  return data;
}
