// Records → the issue each action item should have. Pure: the repository, links and config in,
// one DesiredIssue per action item out (done and wont_do items too: they decide closing).
import type { ActionItem, Config, IncidentRecord, PostmortemRecord, Repository } from "../records/record-types.ts";
import { itemKey } from "./marker.ts";
import type { ItemKey } from "./marker.ts";
import { buildIssueBlock } from "./issue-body.ts";
import type { LinkContext } from "./links.ts";

export interface DesiredIssue {
  key: ItemKey;
  postmortemId: string;
  itemId: string;
  status: ActionItem["status"];
  title: string;
  /** sitrep's block of the body (markers included), already trimmed to fit. */
  block: string;
  /** Every label the issue must carry: config labels, priority:P1, severity:SEV2. */
  labels: string[];
  owner: string;
  /** `issue: N` in the record: adopt that issue. */
  adopt: number | undefined;
  /** Where the item lives, for messages: postmortems/x.md */
  file: string;
}

export const priorityLabel = (priority: string) => `priority:${priority}`;
export const severityLabel = (severity: string) => `severity:${severity}`;
/** Labels sitrep derives from an item and may therefore replace when the item changes. */
export const isDerivedLabel = (name: string) => /^(priority|severity):/.test(name);

export function desiredIssues(repository: Repository, links: LinkContext): DesiredIssue[] {
  const incidents = new Map(repository.incidents.map((i) => [i.id, i]));
  const result: DesiredIssue[] = [];
  for (const postmortem of repository.postmortems) {
    const incident = incidents.get(postmortem.data.incident);
    for (const item of postmortem.data.action_items) result.push(desiredIssue(repository.config, postmortem, incident, item, links));
  }
  return result;
}

function desiredIssue(
  config: Config,
  postmortem: PostmortemRecord,
  incident: IncidentRecord | undefined,
  item: ActionItem,
  links: LinkContext,
): DesiredIssue {
  const severity = incident?.data.severity;
  const labels = [...config.github.labels, priorityLabel(item.priority), ...(severity ? [severityLabel(severity)] : [])];
  return {
    key: itemKey(postmortem.id, item.id),
    postmortemId: postmortem.id,
    itemId: item.id,
    status: item.status,
    title: item.title,
    block: buildIssueBlock({ config, postmortem, incident, item, links }),
    labels: [...new Set(labels)],
    owner: item.owner,
    adopt: item.issue,
    file: postmortem.source.path,
  };
}
