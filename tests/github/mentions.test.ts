// Text copied from records into action-item issues must not ping anyone or cross-link issues
// (issue 13 item 7): an incident titled "@org/team" or "#7" went raw into every item's body.
import { describe, expect, test } from "vitest";
import { buildIssueBlock, neutraliseMentions } from "../../scripts/github/issue-body.ts";
import type { IssueBlockInput } from "../../scripts/github/issue-body.ts";

/** GitHub's autolinks in a body, roughly: @login or @org/team, #N, GH-N, each after a non-word character. */
const AUTOLINK = /(?:^|[^\w`])(?:@[A-Za-z0-9][\w-]*(?:\/[\w-]+)?|#\d+|GH-\d+)/gi;

describe("mentions and references in copied text", () => {
  test("are broken by an invisible joiner, so they render unchanged but link nothing", () => {
    const text = neutraliseMentions("Paged @acme/payments and @ana about #7 (see GH-12), mail ops@acme.example");
    expect(text.match(AUTOLINK)).toBeNull();
    expect(text.replace(/\u200d/g, "")).toBe("Paged @acme/payments and @ana about #7 (see GH-12), mail ops@acme.example");
  });

  test("in the issue block, the incident title is neutralised and the owner is still assigned by mention", () => {
    const input = {
      config: { policies: { action_item_due_days: { P1: 7, P2: 30, P3: 90 } } },
      postmortem: {
        id: "2026-11-10-api",
        source: { path: "postmortems/2026-11-10-api.md" },
        data: { incident: "2026-11-10-api", visibility: "internal", status: "draft" },
      },
      incident: {
        id: "2026-11-10-api",
        data: { title: "@acme/payments broke #7 again", severity: "SEV2", visibility: "internal", drill: false },
      },
      item: { id: "fix", title: "Fix it", owner: "ana", priority: "P2", kind: "prevent", status: "open", due: "2026-12-10" },
      links: { siteUrl: "https://status.example", serverUrl: "https://github.com", repository: "o/r", pathPrefix: "" },
    } as unknown as IssueBlockInput;
    const block = buildIssueBlock(input);
    expect(block.match(AUTOLINK)).toEqual([" @ana"]);
    expect(block.replace(/\u200d/g, "")).toContain("@acme/payments broke #7 again");
  });
});
