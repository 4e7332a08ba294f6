// core/problem-output.ts: the one printer of problems, as annotations and as text.
import { describe, expect, it } from "vitest";
import { ANNOTATIONS_PER_RULE, annotation, annotations, problemText } from "../../scripts/core/problem-output.ts";
import type { Problem } from "../../scripts/core/diagnostic.ts";

const placed: Problem = {
  severity: "error",
  rule: "component-exists",
  file: "incidents/2026/a, b.md",
  line: 7,
  column: 3,
  message: "Unknown component `cdn`.",
  hint: "Use one of: api.",
};
const unplaced: Problem = {
  severity: "warning",
  rule: "sync-drift",
  message: "key: #4 was closed\n::error::injected",
  hint: "Only a person can settle this.",
};

describe("annotation", () => {
  it("places a problem with file, line and column, and titles it with its rule", () => {
    expect(annotation(placed)).toBe(
      "::error file=incidents/2026/a%2C b.md,line=7,col=3,title=sitrep component-exists::Unknown component `cdn`. Hint: Use one of: api.",
    );
    expect(annotation(placed, { pathPrefix: "records/" })).toContain("file=records/incidents/2026/a%2C b.md,");
  });
  it("keeps a problem without a place on one line, so its text cannot start a command", () => {
    const line = annotation(unplaced);
    expect(line).toBe("::warning title=sitrep sync-drift::key: #4 was closed%0A::error::injected Hint: Only a person can settle this.");
    expect(line.split("\n")).toHaveLength(1);
    expect(annotation({ severity: "notice", message: "m", hint: "h" })).toBe("::notice title=sitrep problem::m Hint: h");
  });
});

describe("annotations", () => {
  it("annotates at most ANNOTATIONS_PER_RULE per rule, then says how many more there are", () => {
    const many = Array.from({ length: ANNOTATIONS_PER_RULE + 3 }, (_, i) => ({ ...placed, line: i + 1 }));
    const lines = annotations([...many, unplaced]);
    expect(lines.filter((l) => l.includes("title=sitrep component-exists"))).toHaveLength(ANNOTATIONS_PER_RULE);
    expect(lines.filter((l) => l.includes("title=sitrep sync-drift"))).toHaveLength(1);
    expect(lines.at(-1)).toBe("::notice::3 more problem(s) not annotated (GitHub shows 10 per kind); all are listed below.");
  });
});

describe("problemText", () => {
  it("prints the severity, the place when there is one, the message and the hint", () => {
    expect(problemText(placed)).toBe("error: incidents/2026/a, b.md:7:3: Unknown component `cdn`.\nhint: Use one of: api.");
    expect(problemText({ severity: "notice", message: "m", hint: "h" })).toBe("notice: m\nhint: h");
  });
});
