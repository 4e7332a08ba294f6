// The PR comment shows record titles as written but mentions nobody: GitHub notifies whoever a
// comment names with "@", so a title like "@org/team" would page a team from a pull request.
// Pure: a summary in, Markdown out.
import { describe, expect, it } from "vitest";
import { formatPrSummary, type IncidentChange, type PrSummary } from "../../scripts/github/pr-summary.ts";

const change = (title: string): IncidentChange => ({
  kind: "declares",
  id: "2026-11-17-pay",
  file: "incidents/2026/2026-11-17-pay.md",
  title,
  type: "incident",
  severity: "SEV1",
  previousSeverity: undefined,
  status: "investigating",
  previousStatus: undefined,
  components: { "checkout-api": "major_outage" },
  visibility: "public",
  drill: false,
});

const summary = (title: string, detail = ""): PrSummary => ({
  incidents: [change(title)],
  postmortems: detail ? [{ kind: "adds", id: "2026-11-17-pay", file: "postmortems/2026-11-17-pay.md", detail }] : [],
  runbooks: [],
  errors: 0,
  warnings: 0,
});

const row = (markdown: string) => markdown.split("\n").find((line) => line.startsWith("| 🆕"))!;

describe("PR summary mentions", () => {
  it("puts a zero-width joiner after every @ that starts a name, in titles and details", () => {
    const text = formatPrSummary(summary("@org/team and @alice: checkout @everyone", "draft, @ops-lead to review"));
    expect(row(text)).toBe(
      "| 🆕 declares | @\u200dorg/team and @\u200dalice: checkout @\u200deveryone (`incidents/2026/2026-11-17-pay.md`) | SEV1 | investigating | `checkout-api: major_outage` |",
    );
    expect(text).toContain("- adds `postmortems/2026-11-17-pay.md` — draft, @\u200dops-lead to review");
    expect(text).not.toMatch(/@(?!\u200d)[\w-]/);
  });

  it("neutralises non-Latin names too, and leaves a lone @ and e-mail addresses as they are", () => {
    expect(row(formatPrSummary(summary("Fees @ 5% for @équipe, mail ops@example.com")))).toContain(
      "Fees @ 5% for @\u200déquipe, mail ops@example.com (",
    );
  });
});
