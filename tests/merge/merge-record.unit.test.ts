// The semantic merge of record files on text (scripts/merge/merge-record.ts), without git: what
// each kind of change from two sides becomes, and that ours' text stays as it was written.
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { mergeRecordText, type LineMerger } from "../../scripts/merge/merge-record.ts";

const BASE = `---
title: Checkout errors   # what customers see
severity: SEV2
status: investigating
components:
  checkout-api: partial_outage
roles:
  commander: ines
updates:
- at: 2026-11-22T10:00:00Z
  status: investigating
  body: We are investigating.
timeline:
  - at: 2026-11-22T10:00:00Z
    event: Declared.
---
The description.
`;
const noLines: LineMerger = () => {
  throw new Error("the body should not need a line merge");
};
const insertAfter = (text: string, anchor: string, added: string) => text.replace(anchor, anchor + added);
const data = (text: string) => parse(text.split("---\n")[1]) as Record<string, any>;

describe("mergeRecordText", () => {
  test("both sides' updates and timeline entries go in time order; ours' lines are kept verbatim", () => {
    const ours = insertAfter(
      insertAfter(BASE, "  body: We are investigating.\n", "- at: 2026-11-22T10:20:00Z\n  status: identified\n  body: Found it.\n").replace(
        "status: investigating\ncomponents",
        "status: identified\ncomponents",
      ),
      "    event: Declared.\n",
      "  - at: 2026-11-22T10:20:00Z\n    event: Cause found.\n",
    );
    const theirs = insertAfter(
      insertAfter(BASE, "  body: We are investigating.\n", "- at: 2026-11-22T10:10:00Z\n  status: investigating\n  body: Still on it.\n"),
      "    event: Declared.\n",
      "  - at: 2026-11-22T10:05:00Z\n    event: Paged akin.\n",
    );
    const merged = mergeRecordText(BASE, ours, theirs, "x.md", noLines)!;
    expect(merged.conflicts).toEqual([]);
    const result = data(merged.text);
    expect(result.updates.map((u: any) => u.body)).toEqual(["We are investigating.", "Still on it.", "Found it."]);
    expect(result.timeline.map((e: any) => e.event)).toEqual(["Declared.", "Paged akin.", "Cause found."]);
    expect(result.status).toBe("identified");
    expect(merged.text).toContain("title: Checkout errors   # what customers see\n");
    expect(merged.text).toContain("timeline:\n  - at: 2026-11-22T10:00:00Z\n    event: Declared.\n  - at: 2026-11-22T10:05:00Z\n");
    expect(merged.text.endsWith("---\nThe description.\n")).toBe(true);
  });

  test("the status follows the last merged update, even when the other side's is later", () => {
    const ours = insertAfter(
      BASE,
      "  body: We are investigating.\n",
      "- at: 2026-11-22T10:10:00Z\n  status: identified\n  body: Found it.\n",
    ).replace("status: investigating\ncomponents", "status: identified\ncomponents");
    const theirs = insertAfter(
      BASE,
      "  body: We are investigating.\n",
      "- at: 2026-11-22T10:30:00Z\n  status: monitoring\n  body: Fixed.\n",
    ).replace("status: investigating\ncomponents", "status: monitoring\ncomponents");
    const merged = mergeRecordText(BASE, ours, theirs, "x.md", noLines)!;
    expect(merged.conflicts).toEqual([]);
    expect(data(merged.text).status).toBe("monitoring");
  });

  test("one component raised on each side keeps the worse impact; a role changed on one side is taken", () => {
    const ours = BASE.replace("  checkout-api: partial_outage", "  checkout-api: major_outage");
    const theirs = BASE.replace(
      "  checkout-api: partial_outage",
      "  checkout-api: degraded_performance\n  webhooks: degraded_performance",
    ).replace("commander: ines", "commander: akin");
    const merged = mergeRecordText(BASE, ours, theirs, "x.md", noLines)!;
    expect(merged.conflicts).toEqual([]);
    expect(data(merged.text).components).toEqual({ "checkout-api": "major_outage", webhooks: "degraded_performance" });
    expect(data(merged.text).roles).toEqual({ commander: "akin" });
  });

  test("two commanders, two titles: conflicts named, markers around those keys only", () => {
    const ours = BASE.replace("commander: ines", "commander: akin").replace("title: Checkout errors", "title: Checkout down");
    const theirs = BASE.replace("commander: ines", "commander: rui").replace("title: Checkout errors", "title: Checkout slow");
    const merged = mergeRecordText(BASE, ours, theirs, "x.md", noLines)!;
    expect(merged.conflicts).toEqual([
      "both sides changed `title`: Checkout down on this side, Checkout slow on the other (it was Checkout errors)",
      "both sides changed `roles.commander`: akin on this side, rui on the other (it was ines)",
    ]);
    expect(merged.text).toContain("<<<<<<< ours\nroles:\n  commander: akin\n=======\nroles:\n  commander: rui\n>>>>>>> theirs\n");
    expect(merged.text.match(/<<<<<<</g)).toHaveLength(2);
  });

  test("action items merge by id; an item both sides changed differently is a conflict", () => {
    const pm = (items: string) => `---\nincident: x\nstatus: draft\naction_items:\n${items}---\n`;
    const item = (id: string, status = "open") =>
      `  - id: ${id}\n    title: T ${id}\n    owner: ines\n    priority: P2\n    kind: prevent\n    status: ${status}\n`;
    const base = pm(item("a"));
    const clean = mergeRecordText(base, pm(item("a", "done") + item("b")), pm(item("a") + item("c")), "p.md", noLines)!;
    expect(clean.conflicts).toEqual([]);
    expect(data(clean.text).action_items.map((i: any) => [i.id, i.status])).toEqual([
      ["a", "done"],
      ["b", "open"],
      ["c", "open"],
    ]);
    const clash = mergeRecordText(base, pm(item("a", "done")), pm(item("a", "wont_do")), "p.md", noLines)!;
    expect(clash.conflicts).toEqual(["both sides edited the action item `a`"]);
  });

  test("bodies changed on both sides go to the line merger; CRLF stays CRLF", () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    let asked: string[] = [];
    const lines: LineMerger = (base, ours, theirs) => {
      asked = [base, ours, theirs];
      return { text: `${ours}${theirs}`, conflicts: 1 };
    };
    const merged = mergeRecordText(
      crlf(BASE),
      crlf(`${BASE}ours\n`),
      crlf(`${BASE}theirs\n`).replace("severity: SEV2", "severity: SEV1"),
      "x.md",
      lines,
    )!;
    expect(asked[1]).toContain("ours\r\n");
    expect(merged.text).toContain("\r\nseverity: SEV1\r\n");
    expect(merged.text).not.toMatch(/[^\r]\n/);
    expect(merged.conflicts).toEqual(["both sides changed the same lines of the Markdown body (1 place)"]);
  });

  test("a file that is not a record is left to the caller", () => {
    expect(mergeRecordText("# Incidents\n", "# Incidents!\n", "# Incidents?\n", "incidents/README.md", noLines)).toBeUndefined();
  });
});
