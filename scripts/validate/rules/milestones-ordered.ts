import { ms, perRecord } from "../rule.ts";

const MILESTONES = ["started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at"] as const;

export const milestonesOrdered = perRecord("incidents", {
  id: "milestones-ordered",
  severity: "error",
  description: "started_at ≤ detected_at ≤ acknowledged_at ≤ mitigated_at ≤ resolved_at.",
  each: () => (data, report) => {
    const present = MILESTONES.filter((m) => data[m] !== undefined);
    for (let i = 1; i < present.length; i++) {
      const earlier = present[i - 1];
      const later = present[i];
      if (ms(data[later]!) < ms(data[earlier]!)) {
        report(
          [later],
          `\`${later}\` (${data[later]}) is before \`${earlier}\` (${data[earlier]}).`,
          `Milestones happen in the order ${MILESTONES.join(" ≤ ")}; correct one of the two times (check the offset too).`,
        );
      }
    }
  },
});
