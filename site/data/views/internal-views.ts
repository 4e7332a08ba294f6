// Postmortem pages, and what only the internal build shows: action items and runbooks. Due and
// overdue come from the model (scripts/model/due-dates.ts), the same definition the CLI uses.
import type { ActionItem, PostmortemRecord, RunbookRecord } from "../../../scripts/records/record-types.ts";
import { isActionItemOverdue, runbookReview } from "../../../scripts/model/due-dates.ts";
import { publicBody } from "../../../scripts/model/postmortem-public-text.ts";
import { renderMarkdown } from "../render-markdown.ts";
import type { BuildContext } from "../build-context.ts";
import { derive } from "./derive.ts";
import { postmortemTitle } from "./incident-view.ts";

export interface PostmortemView {
  id: string;
  title: string;
  incident: { id: string; title: string } | undefined;
  status: string;
  publishedAt: string | undefined;
  bodyHtml: string;
  internal: boolean;
  /** Internal build only. */
  authors: string[] | undefined;
  actionItems: ActionItemView[] | undefined;
}

export interface ActionItemView {
  key: string;
  postmortemId: string;
  id: string;
  title: string;
  owner: string;
  priority: string;
  kind: string;
  due: string;
  status: string;
  overdue: boolean;
  issue: number | undefined;
}

export function postmortemIds(context: BuildContext): string[] {
  return derive(context).model.postmortems.map((p) => p.id);
}

export function postmortemView(context: BuildContext, id: string): PostmortemView {
  const { model } = derive(context);
  const postmortem = model.postmortems.find((p) => p.id === id);
  if (!postmortem) throw new Error(`No postmortem ${id} in this build.`);
  const incident = model.byId.get(postmortem.data.incident)?.record;
  const internal = context.audience === "internal";
  return {
    id,
    title: postmortemTitle(postmortem, incident?.data.title ?? postmortem.data.incident),
    incident: incident ? { id: incident.id, title: incident.data.title } : undefined,
    status: postmortem.data.status,
    publishedAt: postmortem.data.published_at,
    // The public page leaves out the lines marked internal (decision 0116); the internal build shows them.
    bodyHtml: renderMarkdown(internal ? postmortem.body : publicBody(postmortem.body)),
    internal: postmortem.data.visibility === "internal",
    authors: internal ? postmortem.data.authors : undefined,
    actionItems: internal ? postmortem.data.action_items.map((item) => actionItemView(postmortem, item, context.now)) : undefined,
  };
}

function actionItemView(postmortem: PostmortemRecord, item: ActionItem, now: Date): ActionItemView {
  return {
    key: `${postmortem.id}/${item.id}`,
    postmortemId: postmortem.id,
    id: item.id,
    title: item.title,
    owner: item.owner,
    priority: item.priority,
    kind: item.kind,
    due: item.due,
    status: item.status,
    overdue: isActionItemOverdue(item, now),
    issue: item.issue,
  };
}

/** Internal build: open action items across all postmortems, overdue and most urgent first. */
export function openActionItems(context: BuildContext): ActionItemView[] {
  if (context.audience !== "internal") return [];
  return context.repository.postmortems
    .flatMap((p) => p.data.action_items.filter((i) => i.status === "open").map((i) => actionItemView(p, i, context.now)))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.priority.localeCompare(b.priority));
}

export interface RunbookView {
  id: string;
  title: string;
  owner: string | undefined;
  lastReviewed: string | undefined;
  reviewDue: string | undefined;
  reviewOverdue: boolean;
  components: { id: string; name: string }[];
  alerts: string[];
  bodyHtml: string;
}

/** Internal build only: runbooks; none in the public build. */
export function runbookViews(context: BuildContext): RunbookView[] {
  if (context.audience !== "internal") return [];
  const names = derive(context).componentNames;
  return context.repository.runbooks
    .map((r: RunbookRecord) => {
      const review = runbookReview(r.data, context.now);
      return {
        id: r.id,
        title: r.data.title,
        owner: r.data.owner,
        lastReviewed: r.data.last_reviewed,
        reviewDue: review.due,
        reviewOverdue: review.overdue,
        components: r.data.components.map((id) => ({ id, name: names.get(id) ?? id })),
        alerts: r.data.alerts,
        bodyHtml: renderMarkdown(r.body),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}
