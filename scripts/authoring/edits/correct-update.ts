// `update --amend` and `update --retract`: a posted public update can be corrected (its text
// replaced) or taken back (removed), and the internal timeline keeps a line saying so with the
// text it had, so the record still tells what customers were shown. The update is the latest one,
// or the one at --at. Retracting the latest update sets the status to the one before it.
import type { Document, YAMLMap, YAMLSeq } from "yaml";
import { UsageError } from "../../errors.ts";
import type { AuthoringResult } from "../authoring-result.ts";
import { applyIncidentEdit } from "../apply-incident-edit.ts";
import { rootMap } from "./front-matter-edit.ts";
import { addTimelineEntry, setStatus } from "./incident-edits.ts";
import type { FoundIncident, RecordsContext } from "../writes/load-records-context.ts";

export interface Correction {
  kind: "amend" | "retract";
  /** --at: which update (default: the latest). */
  which: string | undefined;
  /** The new text (amend). */
  body: string | undefined;
  /** When the correction is made (now): the timeline line's time. */
  now: string;
  echo: string[];
}

const short = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

export function correctUpdate(context: RecordsContext, found: FoundIncident, cwd: string, correction: Correction): AuthoringResult {
  const updates = found.data.updates;
  const index =
    correction.which === undefined ? updates.length - 1 : updates.findIndex((u) => Date.parse(u.at) === Date.parse(correction.which!));
  if (index === -1) {
    const times = updates.map((u) => u.at).join(", ");
    throw new UsageError(
      `${found.id} has no update at ${correction.which}.`,
      `Its updates are at ${times || "(none)"}; give one of them with --at, or leave --at out for the latest.`,
    );
  }
  const target = updates[index];
  if (correction.kind === "retract" && updates.length === 1) {
    throw new UsageError(
      `That is ${found.id}'s only update; retracting it would leave the incident with none.`,
      `Correct its text instead: npx sitrep update ${found.id} --amend --message "…"`,
    );
  }
  if (correction.kind === "amend" && (correction.body === undefined || correction.body.trim() === "")) {
    throw new UsageError("--amend needs the corrected text in --message.", `e.g. npx sitrep update ${found.id} --amend --message "…"`);
  }
  if (correction.kind === "amend" && correction.body === target.body) {
    throw new UsageError(`The update at ${target.at} already says that.`, "Give the corrected text in --message.");
  }
  const last = index === updates.length - 1;
  const previousStatus = updates[index - 1]?.status;
  return applyIncidentEdit(context, found, cwd, {
    echo: correction.echo,
    verb: correction.kind === "amend" ? `Amended the update of ${target.at} in` : `Retracted the update of ${target.at} from`,
    commitMessage: correction.kind === "amend" ? `Amend the update of ${target.at}` : `Retract the update of ${target.at}`,
    edit(doc: Document) {
      const seq = rootMap(doc).get("updates", true) as unknown as YAMLSeq;
      if (correction.kind === "amend") {
        (seq.items[index] as YAMLMap).set("body", correction.body);
        addTimelineEntry(doc, { at: correction.now, event: `Amended the public update of ${target.at}; it said: “${short(target.body)}”` });
      } else {
        seq.items.splice(index, 1);
        if (last && previousStatus) setStatus(doc, previousStatus);
        addTimelineEntry(doc, { at: correction.now, event: `Retracted the public update of ${target.at}: “${short(target.body)}”` });
      }
    },
    notes: [
      "The page shows the correction after the merge; a notification already sent for it stays sent (post a new update if customers must know).",
    ],
  });
}
