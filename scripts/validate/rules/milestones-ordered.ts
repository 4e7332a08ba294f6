import { ms, perRecord } from "../rule.ts";

const MILESTONES = ["started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at"] as const;

export const milestonesOrdered = perRecord("incidents", {
  id: "milestones-ordered",
  severity: "error",
  description: "started_at ≤ detected_at ≤ acknowledged_at ≤ mitigated_at ≤ resolved_at.",
  each: () => (data, report) => {
    // Each milestone that is present against the one present before it, each time read once.
    let earlier: (typeof MILESTONES)[number] | undefined;
    let earlierMs = 0;
    for (const later of MILESTONES) {
      if (data[later] === undefined) continue;
      const laterMs = ms(data[later]!);
      if (earlier !== undefined && laterMs < earlierMs) {
        report(
          [later],
          `\`${later}\` (${data[later]}) is before \`${earlier}\` (${data[earlier]}).`,
          `Milestones happen in the order ${MILESTONES.join(" ≤ ")}; correct one of the two times (check the offset too).`,
        );
      }
      earlier = later;
      earlierMs = laterMs;
    }
  },
});
