// Issue bodies, built by pure functions that keep themselves under GitHub's size limit.
// Nothing here depends on the clock: a body that changed with time would make every run write.
import type { ActionItem, Config, IncidentRecord, PostmortemRecord } from "../records/record-types.ts";
import { END_MARKER, itemKey, ownerMarker, splitBody, startMarker } from "./marker.ts";
import { blobUrl, incidentPageUrl, postmortemPageUrl } from "./links.ts";
import type { LinkContext } from "./links.ts";
import { isPublic } from "../model/incident-facts.ts";
import { isPostmortemPublished } from "../status/audience.ts";

/** GitHub rejects issue and comment bodies longer than this many characters. */
export const GITHUB_BODY_LIMIT = 65_536;

export interface IssueBlockInput {
  config: Config;
  postmortem: PostmortemRecord;
  incident: IncidentRecord | undefined;
  item: ActionItem;
  links: LinkContext;
}

const KIND_TEXT: Record<ActionItem["kind"], string> = {
  prevent: "prevent — stop it happening again",
  mitigate: "mitigate — make the impact smaller",
  detect: "detect — notice it sooner",
  process: "process — change how we work",
};

const STATUS_TEXT: Record<ActionItem["status"], string> = { open: "open", done: "done", wont_do: "won't do" };

/**
 * Text from records inside Markdown link labels and table cells: no brackets, pipes or line
 * breaks to break out of them, and no mention or reference. An incident titled "@org/team
 * paged" or "fallout of #7" would ping the team or cross-link issue 7 from every action item;
 * a zero-width joiner after `@` or `#` stops GitHub's autolinking and renders as nothing.
 */
const inline = (text: string) => neutraliseMentions(text.replace(/[\r\n]+/g, " ").replace(/([[\]|\\`*_<>])/g, "\\$1"));

const ZWJ = "\u200d";
/** `@login`, `@org/team`, `#12`, `GH-12`: the autolinks GitHub makes in issue bodies. Pure. */
export function neutraliseMentions(text: string): string {
  return text.replace(/([@#])(?=[A-Za-z0-9])/g, `$1${ZWJ}`).replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`);
}

/** sitrep's block for one action item: markers, a summary table, links and how to change it. */
export function buildIssueBlock({ config, postmortem, incident, item, links }: IssueBlockInput): string {
  const key = itemKey(postmortem.id, item.id);
  const file = postmortem.source.path;
  const sloDays = config.policies.action_item_due_days[item.priority];
  const incidentTitle = incident ? inline(incident.data.title) : postmortem.data.incident;
  const incidentOnSite = incident !== undefined && isPublic(incident.data);
  const postmortemOnSite = incidentOnSite && isPostmortemPublished(postmortem.data);
  const incidentCell = incidentOnSite
    ? `[${incidentTitle}](${incidentPageUrl(links, incident.id)})`
    : `${incidentTitle} (\`${postmortem.data.incident}\`)`;
  const postmortemCell = [
    `[${file}](${blobUrl(links, file)})`,
    ...(postmortemOnSite ? [`[published postmortem](${postmortemPageUrl(links, postmortem.id)})`] : []),
  ].join(" · ");
  const severity = incident?.data.severity;
  const rows: [string, string][] = [
    ["Owner", `@${item.owner}`],
    ["Priority", `${item.priority} (policy: done within ${sloDays} days)`],
    ["Kind", KIND_TEXT[item.kind]],
    ["Due", item.due],
    ["Status", STATUS_TEXT[item.status]],
    ...(severity ? [["Severity", severity] as [string, string]] : []),
    ["Incident", incidentCell],
    ["Postmortem", postmortemCell],
    ["Action item", `[\`${item.id}\`](${blobUrl(links, file)}) in \`action_items\``],
  ];
  return [
    startMarker(key),
    ownerMarker(item.owner),
    `**Action item from the postmortem of ${incidentOnSite ? `[${incidentTitle}](${incidentPageUrl(links, incident.id)})` : incidentTitle}.**`,
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
    "",
    `_Kept in step with \`${file}\` by \`sitrep sync\`. Change the item there (title, owner, priority, due, status), not here: ` +
      "edits to this block are overwritten. Set `status: done` or `status: wont_do` to close this issue._",
    END_MARKER,
  ].join("\n");
}

/** The smallest block that still ties the issue to its item, for bodies with no room to spare. */
export function minimalBlock(block: string): string {
  const lines = block.split("\n");
  return [lines[0], lines[1], "_Details trimmed to fit GitHub's body limit; see the postmortem file._", END_MARKER].join("\n");
}

/**
 * The whole issue body: the issue's own text outside sitrep's block is kept (an adopted issue's
 * description), sitrep's block is replaced or appended. Always ≤ GITHUB_BODY_LIMIT characters:
 * sitrep's block shrinks first; only if the issue's own text alone is too long is it cut.
 */
export function composeBody(currentBody: string | null | undefined, block: string, limit = GITHUB_BODY_LIMIT): string {
  const { before, after } = splitBody(currentBody);
  const join = (own: string, sitrep: string, tail: string) => [own, sitrep, tail].filter((part) => part !== "").join("\n\n");
  const full = join(before, block, after);
  if (full.length <= limit) return full;
  const small = minimalBlock(block);
  const shrunk = join(before, small, after);
  if (shrunk.length <= limit) return shrunk;
  const note = "\n\n…(trimmed by sitrep to fit GitHub's body limit)";
  const room = limit - small.length - note.length - 2;
  const own = join(before, "", after);
  return join(own.slice(0, Math.max(0, room)) + note, small, "");
}

/** The comment posted when sitrep closes an issue. */
export function closingComment(input: {
  key: string;
  status: "done" | "wont_do";
  file: string;
  commit: string | undefined;
  commitUrl: string | undefined;
}): string {
  const what = input.status === "done" ? "marked **done**" : "marked **won't do**";
  const where = input.commit
    ? ` in ${input.commitUrl ? `[${input.commit.slice(0, 12)}](${input.commitUrl})` : `\`${input.commit.slice(0, 12)}\``}`
    : "";
  return `Closed by \`sitrep sync\`: action item \`${input.key}\` is ${what} in \`${input.file}\`${where}.`;
}
