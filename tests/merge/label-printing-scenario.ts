// The incident both merge tests start from: two responders then update it on separate branches
// (merge-driver.test.ts merges by hand, update-branch.test.ts through `sitrep update-branch`).
export const ID = "2026-11-22-label-printing-fails-for-some-customers";
export const FILE = `incidents/2026/${ID}.md`;
export const DECLARED = "2026-11-22T10:00:00Z";

/** `sitrep declare` arguments for it (run at DECLARED). */
export const DECLARE_ARGS = [
  "declare",
  "--title",
  "Label printing fails for some customers",
  "--severity",
  "SEV2",
  "--component",
  "merchant-dashboard=partial_outage",
  "--commander",
  "ines-carvalho",
];
