// docs/decisions/README.md lists every decision, and every decision says under its title whether
// it still holds (a status line), so a newcomer can tell what is in force without a tracker.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-cli.ts";

const folder = path.join(repoRoot, "docs/decisions");
const decisions = readdirSync(folder)
  .filter((f) => /^\d{4}-.*\.md$/.test(f))
  .sort();
const index = readFileSync(path.join(folder, "README.md"), "utf8");

describe("the decisions", () => {
  it("are all in the index, with a link", () => {
    expect(decisions.length).toBeGreaterThan(50);
    expect(decisions.filter((f) => !index.includes(`(${f})`))).toEqual([]);
  });
  it("each open with a title and a status line", () => {
    const missing = decisions.filter((f) => {
      const lines = readFileSync(path.join(folder, f), "utf8").split("\n");
      return !lines[0].startsWith(`# ${f.slice(0, 4)} — `) || !/^Status: (accepted|superseded)/.test(lines[2] ?? "");
    });
    expect(missing).toEqual([]);
  });
  it("state their context instead of citing a tracker that is not in the repository", () => {
    const citing = decisions.filter((f) => /\bissues? \d+/i.test(readFileSync(path.join(folder, f), "utf8")));
    expect(citing).toEqual([]);
  });
});
