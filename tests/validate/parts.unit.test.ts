// Validate checks the records in parts (decisions 0182, 0190): incidents 32 at a time, then postmortems
// and runbooks. What a rule needs of another part — a duplicate id, the incident a postmortem
// names, whether an incident has a postmortem — must still be seen across parts, and the command's
// check (which lets parts go) must report exactly what the consumers' validation reports.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkRepository, INCIDENTS_PER_PART, validateRepository } from "../../scripts/validate/validate.ts";
import { repoRoot, TEST_NOW } from "../helpers/run-cli.ts";

const now = new Date(TEST_NOW);
const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-parts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = path.join(repoRoot, "tests/fixtures/valid/base");
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
copyFileSync(path.join(base, "sitrep.config.yaml"), path.join(dir, "sitrep.config.yaml"));
write("runbooks/api-restart.md", "---\ntitle: Restart the API\nowner: ada\nlast_reviewed: 2026-11-01\n---\n");

const incident = (severity: string, resolved: string) =>
  `---\ntitle: API errors\nseverity: ${severity}\nstatus: resolved\ncomponents:\n  api: partial_outage\n` +
  `started_at: ${resolved.slice(0, 11)}10:00:00Z\nresolved_at: ${resolved}\n` +
  `updates:\n  - at: ${resolved}\n    status: resolved\n    body: Resolved.\n---\n`;
// More incidents than two parts hold; the ones that matter sort first and last.
const fillers = 2 * INCIDENTS_PER_PART + 20;
for (let i = 0; i < fillers; i++)
  write(`incidents/2026/2026-11-01-f${String(i).padStart(4, "0")}.md`, incident("SEV3", "2026-11-01T11:00:00Z"));
// The same id in the first part and in the last.
write("incidents/2026/2026-11-01-dup.md", incident("SEV3", "2026-11-01T11:00:00Z"));
write("incidents/2026/extra/2026-11-01-dup.md", incident("SEV3", "2026-11-01T11:00:00Z"));
// In the last part: a SEV1 with a postmortem published before it was resolved, a SEV2 with none.
write("incidents/2026/extra/2026-11-20-zulu.md", incident("SEV1", "2026-11-20T11:00:00Z"));
write("incidents/2026/extra/2026-11-02-yankee.md", incident("SEV2", "2026-11-02T11:00:00Z"));
write(
  "postmortems/2026-11-20-zulu.md",
  "---\nincident: 2026-11-20-zulu\nstatus: published\nvisibility: public\npublished_at: 2026-11-20T10:00:00Z\n" +
    "authors:\n  - ada\naction_items:\n  - id: canary\n    title: Canary every deploy\n    owner: ada\n    priority: P2\n    kind: prevent\n    status: open\n---\n\n## Summary\n\nA bad deploy.\n",
);

describe("validate in parts", () => {
  const validated = validateRepository(dir, { now });
  const checked = checkRepository(dir, { now });

  it("sees across parts: a duplicate id, a postmortem's incident, an incident without a postmortem", () => {
    expect(validated.diagnostics.map((d) => [d.file, d.rule])).toEqual([
      ["incidents/2026/2026-11-01-dup.md", "id-unique"],
      ["incidents/2026/extra/2026-11-01-dup.md", "id-unique"],
      ["incidents/2026/extra/2026-11-02-yankee.md", "postmortem-required"],
      ["postmortems/2026-11-20-zulu.md", "published-at-required"],
    ]);
  });

  it("reports in the command exactly what the consumers' validation reports", () => {
    expect(checked).toEqual({ diagnostics: validated.diagnostics, fileCount: validated.fileCount });
  });

  it("keeps every incident for the consumers, in file order, and dates action items from an incident of another part", () => {
    const { incidents, postmortems } = validated.repository;
    expect(incidents).toHaveLength(fillers + 4);
    expect(incidents.map((i) => i.source.path)).toEqual(incidents.map((i) => i.source.path).toSorted());
    // Resolved 2026-11-20, P2's 30 days.
    expect(postmortems[0].data.action_items[0].due).toBe("2026-12-20");
  });
});
