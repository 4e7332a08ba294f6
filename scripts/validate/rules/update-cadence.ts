import { perRecord } from "../rule.ts";
import { cadenceGaps } from "../../model/cadence.ts";

const HINT =
  'Post updates on cadence even when there is no news ("still investigating, next update in 15 minutes"); customers read silence as neglect.';

export const updateCadence = perRecord("incidents", {
  id: "update-cadence",
  severity: "warning",
  description:
    "While an incident is active, public updates are no further apart than its severity's update_every_minutes; an open incident is also checked against the time since its last update (a warning, never an error).",
  needsConfig: true,
  each:
    ({ config, now }) =>
    (_, report, record) => {
      for (const gap of cadenceGaps(record, config, now).gaps) {
        const minutes = Math.round(gap.minutes);
        const expects = `${gap.severity} expects an update every ${gap.expected_minutes} minutes`;
        if (gap.ongoing) {
          report(
            ["updates", gap.updateIndex, "at"],
            `The incident is open and its last update was ${minutes} minutes ago (${gap.from}); ${expects}.`,
            `Post an update now (\`npx sitrep update ${record.id} -m "…"\`), or resolve the incident if it is over.`,
          );
        } else {
          report(
            ["updates", gap.updateIndex, "at"],
            `${minutes} minutes passed between updates ${gap.updateIndex - 1} and ${gap.updateIndex}; ${expects}.`,
            HINT,
          );
        }
      }
    },
});
