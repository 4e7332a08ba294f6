// A history long enough that git log's output arrives in many chunks: every commit must be
// read exactly once, whole, whatever the chunk boundaries (the log is parsed as it streams).
import { afterAll, beforeAll, expect, it } from "vitest";
import { readHistory } from "../../scripts/history/read-history.ts";
import { deriveEvents } from "../../scripts/history/events.ts";
import type { History } from "../../scripts/history/revision.ts";
import { createGitRepo, type GitRepo } from "../helpers/git-repo.ts";

const INCIDENTS = 400;
let repo: GitRepo;
let history: History;

beforeAll(async () => {
  repo = createGitRepo({ prefix: "sitrep-many-" });
  // Two commits per incident (declared, resolved), one git fast-import.
  const stream: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let time = Date.parse("2025-01-01T00:00:00Z") / 1000;
  for (let i = 0; i < INCIDENTS; i++) {
    for (const status of ["investigating", "resolved"]) {
      const file = `incidents/2025/2025-01-01-incident-${i}.md`;
      stream.push(
        `commit refs/heads/main\ncommitter T <t@example.com> ${time++} +0000\n${data(`${status} ${i} ${"x".repeat(200)}`)}M 100644 inline ${file}\n${data(`---\ntitle: Incident ${i}\nstatus: ${status}\n---\n`)}`,
      );
    }
  }
  repo.git(["fast-import", "--quiet"], { input: stream.join("") });
  history = await readHistory(repo.dir);
});
afterAll(() => repo?.cleanup());

it("reads every commit of a long log once, in order", () => {
  expect(history.commitCount).toBe(INCIDENTS * 2);
  expect(history.revisions).toHaveLength(INCIDENTS * 2);
  expect(history.blobCount).toBe(INCIDENTS * 2);
  expect(history.unparseableCount).toBe(0);
  const events = deriveEvents(history);
  expect(events.events.filter((e) => e.type === "declared")).toHaveLength(INCIDENTS);
  expect(events.events.filter((e) => e.type === "status_changed" && e.to === "resolved")).toHaveLength(INCIDENTS);
  expect(events.records.get("incident:2025-01-01-incident-399")?.statuses.map((s) => s.status)).toEqual(["investigating", "resolved"]);
});
