// The `git log --raw -z` parser and the record-path filter, on hand-written output.
import { describe, expect, it } from "vitest";
import { parseLog } from "../../scripts/history/parse-log.ts";
import { recordKindOf } from "../../scripts/history/read-history.ts";

const A = "a".repeat(40);
const B = "b".repeat(40);
const Z = "0".repeat(40);

describe("parseLog", () => {
  it("reads headers, single-path entries and two-path entries (renames, copies)", () => {
    const output = [
      `\x01${"1".repeat(40)} 1767225600 ${"2".repeat(40)} ${"3".repeat(40)}`,
      `\n:100644 100644 ${A} ${B} M`,
      "incidents/2026/2026-01-01-a b ü.md",
      `:100644 100644 ${A} ${A} R100`,
      "incidents/old.md",
      "incidents/new.md",
      `:000000 100644 ${Z} ${B} A`,
      "postmortems/x.md",
      `\x01${"2".repeat(40)} 1767139200 `,
      `\n:100644 000000 ${A} ${Z} D`,
      "runbooks/r.md",
      `:100644 100644 ${A} ${B} C075`,
      "runbooks/r.md",
      "runbooks/copy.md",
      "",
    ].join("\0");
    const commits = parseLog(output);
    expect(commits.map((c) => c.info)).toEqual([
      { id: "1".repeat(40), at: "2026-01-01T00:00:00Z", parents: 2 },
      { id: "2".repeat(40), at: "2025-12-31T00:00:00Z", parents: 0 },
    ]);
    expect(commits[0].changes).toEqual([
      { status: "M", oldBlob: A, newBlob: B, path: "incidents/2026/2026-01-01-a b ü.md" },
      { status: "R", oldBlob: A, newBlob: A, oldPath: "incidents/old.md", path: "incidents/new.md" },
      { status: "A", oldBlob: Z, newBlob: B, path: "postmortems/x.md" },
    ]);
    expect(commits[1].changes.map((c) => [c.status, c.oldPath, c.path])).toEqual([
      ["D", undefined, "runbooks/r.md"],
      ["C", "runbooks/r.md", "runbooks/copy.md"],
    ]);
  });

  it("fails loudly on output it does not understand", () => {
    expect(() => parseLog("garbage\0")).toThrow(/Unexpected git log output/);
  });
});

describe("recordKindOf", () => {
  it("knows record paths the way the loader does", () => {
    expect(recordKindOf("incidents/2026/2026-01-01-x.md")).toBe("incident");
    expect(recordKindOf("incidents/x.md")).toBe("incident");
    expect(recordKindOf("postmortems/x.md")).toBe("postmortem");
    expect(recordKindOf("postmortems/sub/x.md")).toBeUndefined();
    expect(recordKindOf("runbooks/x.md")).toBe("runbook");
    expect(recordKindOf("incidents/README.md")).toBeUndefined();
    expect(recordKindOf("incidents/_template.md")).toBeUndefined();
    expect(recordKindOf("incidents/2026/notes.txt")).toBeUndefined();
    expect(recordKindOf("site/incidents/x.md")).toBeUndefined();
  });
});
