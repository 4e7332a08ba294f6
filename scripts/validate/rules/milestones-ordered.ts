import { finding, ms, type Rule } from "../rule.ts";

const MILESTONES = ["started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at"] as const;

export const milestonesOrdered: Rule = {
  id: "milestones-ordered",
  severity: "error",
  description: "started_at ≤ detected_at ≤ acknowledged_at ≤ mitigated_at ≤ resolved_at.",
  check({ incidents }) {
    return incidents.flatMap((record) => {
      const present = MILESTONES.filter((m) => record.data[m] !== undefined);
      const found = [];
      for (let i = 1; i < present.length; i++) {
        const earlier = present[i - 1];
        const later = present[i];
        if (ms(record.data[later]!) < ms(record.data[earlier]!)) {
          found.push(finding(milestonesOrdered, record, [later],
            `\`${later}\` (${record.data[later]}) is before \`${earlier}\` (${record.data[earlier]}).`,
            `Milestones happen in the order ${MILESTONES.join(" ≤ ")}; correct one of the two times (check the offset too).`));
        }
      }
      return found;
    });
  },
};
