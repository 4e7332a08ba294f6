// "What we're changing": the public part of a postmortem's action items (title, kind, status).
// Owners, priorities, due dates and issue links stay internal; the internal build shows them in
// its own table (views.ts, actionItems).
import type { PostmortemRecord } from "../../scripts/records/record-types.ts";
import type { BuildContext } from "./build-context.ts";

export interface PublicChange {
  title: string;
  kind: string;
  status: string;
}

type ActionItem = PostmortemRecord["data"]["action_items"][number];

const KIND_LABELS: Record<ActionItem["kind"], string> = {
  prevent: "Prevent a recurrence",
  mitigate: "Reduce the impact",
  detect: "Detect it sooner",
  process: "Change how we work",
};

const STATUS_LABELS: Record<ActionItem["status"], string> = {
  open: "In progress",
  done: "Done",
  wont_do: "Decided against",
};

/** The changes of a postmortem visible to this build, in the order the authors wrote them. */
export function publicChanges(context: BuildContext, postmortemId: string): PublicChange[] {
  const postmortem = context.repository.postmortems.find((p) => p.id === postmortemId);
  if (!postmortem) throw new Error(`No postmortem ${postmortemId} in the records.`);
  return postmortem.data.action_items.map((item) => ({
    title: item.title,
    kind: KIND_LABELS[item.kind],
    status: STATUS_LABELS[item.status],
  }));
}
