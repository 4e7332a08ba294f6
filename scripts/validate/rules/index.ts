// The cross-record rules, in the order their findings are most useful to read.
import type { Rule } from "../rule.ts";
import { idUnique } from "./id-unique.ts";
import { fileNameDate } from "./file-name-date.ts";
import { statusMatchesType } from "./status-matches-type.ts";
import { severityExists } from "./severity-exists.ts";
import { milestonesOrdered } from "./milestones-ordered.ts";
import { updatesOrdered } from "./updates-ordered.ts";
import { notInFuture } from "./not-in-future.ts";
import { notAfterCommit } from "./not-after-commit.ts";
import { statusMatchesLastUpdate } from "./status-matches-last-update.ts";
import { resolvedAtRequired } from "./resolved-at-required.ts";
import { maintenanceWindow } from "./maintenance-window.ts";
import { maintenanceStartedEarly } from "./maintenance-started-early.ts";
import { maintenanceCancelled } from "./maintenance-cancelled.ts";
import { componentExists } from "./component-exists.ts";
import { runbookExists } from "./runbook-exists.ts";
import { postmortemIncidentExists } from "./postmortem-incident-exists.ts";
import { postmortemUnique } from "./postmortem-unique.ts";
import { actionItemIdUnique } from "./action-item-id-unique.ts";
import { publishedAtRequired } from "./published-at-required.ts";
import { postmortemPlaceholders } from "./postmortem-placeholders.ts";
import { postmortemHandles } from "./postmortem-handles.ts";
import { postmortemRequired } from "./postmortem-required.ts";
import { runbookReviewOverdue } from "./runbook-review-overdue.ts";
import { updateCadence } from "./update-cadence.ts";
import { externalImage } from "./external-image.ts";
import { markdownBudget } from "./markdown-budget.ts";
import { markdownRendersEmpty } from "./markdown-renders-empty.ts";
import { textCharacters } from "./text-characters.ts";

export const rules: readonly Rule[] = [
  idUnique,
  fileNameDate,
  statusMatchesType,
  severityExists,
  milestonesOrdered,
  updatesOrdered,
  notInFuture,
  notAfterCommit,
  statusMatchesLastUpdate,
  resolvedAtRequired,
  maintenanceWindow,
  maintenanceStartedEarly,
  maintenanceCancelled,
  componentExists,
  runbookExists,
  postmortemIncidentExists,
  postmortemUnique,
  actionItemIdUnique,
  publishedAtRequired,
  postmortemPlaceholders,
  postmortemHandles,
  postmortemRequired,
  runbookReviewOverdue,
  updateCadence,
  externalImage,
  markdownBudget,
  markdownRendersEmpty,
  textCharacters,
];
