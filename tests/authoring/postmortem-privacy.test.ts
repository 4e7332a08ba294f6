// Postmortems keep people private (decision 0116): the draft marks what it copies from the
// incident's internal timeline as internal and names people by role; the public page leaves the
// internal lines out; `publish-postmortem` prints exactly that public text; validate warns, at
// the line and column, when the public text of a published public postmortem names someone.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { recordFile } from "../helpers/record-file.ts";
import { runCli, TEST_NOW } from "../helpers/run-cli.ts";
import { mentions, publicBody, publicLines } from "../../scripts/model/postmortem-public-text.ts";
import { handlesToRoles } from "../../scripts/authoring/edits/handles-to-roles.ts";
import { scaffoldPostmortem } from "../../scripts/authoring/edits/scaffold-postmortem.ts";
import { command as publishPostmortem } from "../../scripts/commands/publish-postmortem.ts";
import { presentAuthoring } from "../../scripts/authoring/authoring-result.ts";
import { loadRepository } from "../../scripts/validate/load-repository.ts";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { createBuildContext } from "../../site/data/build-context.ts";
import { postmortemView } from "../../site/data/views.ts";

const NOW = new Date(TEST_NOW);
const FAILOVER = "2026-08-19-database-failover";
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-postmortem-privacy-"));
});
afterAll(() => cleanup());

describe("the public text", () => {
  test("leaves out lines ending in the internal mark and blocks between the marks, and finds who it names", () => {
    const body = [
      "Intro by @ana-s.",
      "- 09:35 — akin-b acknowledged. <!-- internal -->",
      "<!-- internal -->",
      "Secret: mara-okafor paged.",
      "<!-- /internal -->",
      "Thanks to Mara-Okafor and the team.",
      "```",
      "@not-a-person in code",
      "```",
    ].join("\n");
    expect(publicBody(body)).toBe(
      ["Intro by @ana-s.", "Thanks to Mara-Okafor and the team.", "```", "@not-a-person in code", "```"].join("\n"),
    );
    expect(mentions(publicLines(body), new Set(["akin-b", "mara-okafor"]))).toEqual([
      { offset: 0, column: 10, handle: "ana-s" },
      { offset: 5, column: 11, handle: "Mara-Okafor" },
    ]);
  });

  test("handles become roles; other @handles become a responder; words that only contain a handle stay", () => {
    const roles = { commander: "mara-okafor", tech_lead: "akin-b" };
    expect(handlesToRoles("akin-b acknowledged; @mara-okafor declared SEV1 and asked @zoe-q; akin-bot ran; mail a@b.example", roles)).toBe(
      "the tech lead acknowledged; the incident commander declared SEV1 and asked a responder; akin-bot ran; mail a@b.example",
    );
  });
});

describe("sitrep postmortem", () => {
  const draft = (keepHandles?: boolean) => {
    const repository = loadRepository(dir, { now: NOW });
    const incident = repository.incidents.find((i) => i.id === FAILOVER)!;
    const template = readFileSync(path.join(dir, "postmortems/_template.md"), "utf8");
    return scaffoldPostmortem({
      incidentId: FAILOVER,
      incident: incident.data,
      config: repository.config,
      authors: ["lena-kovac"],
      template,
      keepHandles,
    });
  };

  test("marks the internal timeline's lines internal and names people by role", () => {
    const text = draft();
    const timeline = text.split("\n").filter((l) => /^- (2026-08-19 )?\d\d:\d\d — /.test(l));
    expect(timeline).toContain(
      "- 09:35 — the tech lead acknowledged. INTERNAL: paged db-oncall via PagerDuty; the incident commander declared SEV1 at 09:38. <!-- internal -->",
    );
    expect(timeline.filter((l) => l.includes("Public update")).every((l) => !l.includes("<!-- internal -->"))).toBe(true);
    expect(text).not.toMatch(/akin-b|mara-okafor/);
    expect(recordFile(text).data).not.toHaveProperty("keep_handles");
    // Nothing the internal timeline said is in the public text.
    expect(publicBody(recordFile(text).body)).not.toContain("INTERNAL:");
  });

  test("--keep-handles keeps them and says so in the front matter", () => {
    const text = draft(true);
    expect(text).toContain("- 09:35 — akin-b acknowledged.");
    expect(recordFile(text).data).toMatchObject({ authors: ["lena-kovac"], keep_handles: true });
  });
});

describe("postmortem-handles", () => {
  test("warns at each person the public text names, not in internal lines, and not with keep_handles", () => {
    const file = path.join(dir, `postmortems/${FAILOVER}.md`);
    const original = readFileSync(file, "utf8");
    const edited = original
      .replace("status: in_review", "status: published\npublished_at: 2026-08-26T10:00:00Z")
      .replace(
        "- 09:31 — Primary's storage volume stops completing writes.",
        "- 09:31 — Primary's storage volume stops completing writes; @akin-b saw it.\n- 09:33 — mara-okafor took command. <!-- internal -->",
      );
    writeFileSync(file, edited);
    try {
      const found = validateRepository(dir, { now: NOW }).diagnostics.filter((d) => d.rule === "postmortem-handles");
      const lines = edited.split("\n");
      const line = lines.findIndex((l) => l.includes("@akin-b saw it"));
      expect(found.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
        [
          line + 1,
          lines[line].indexOf("@akin-b") + 1,
          "warning",
          "The public text names `akin-b`: a published public postmortem is read by customers.",
        ],
      ]);
      writeFileSync(file, edited.replace("visibility: public", "visibility: public\nkeep_handles: true"));
      expect(validateRepository(dir, { now: NOW }).diagnostics.filter((d) => d.rule === "postmortem-handles")).toEqual([]);
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe("sitrep publish-postmortem", () => {
  test("sets status and published_at, prints the public text without internal lines, and the public page leaves them out", async () => {
    const file = path.join(dir, `postmortems/${FAILOVER}.md`);
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("- 09:32 —", "- 09:31 — Paged the database on-call. <!-- internal -->\n- 09:32 —"));
    const result = await publishPostmortem.run({
      values: { public: true },
      positionals: ["database-failover"],
      cwd: dir,
      env: {},
      now: NOW,
      interactive: false,
      color: false,
    });
    const data = recordFile(readFileSync(file, "utf8")).data as Record<string, unknown>;
    expect(data).toMatchObject({ status: "published", published_at: TEST_NOW, visibility: "public" });
    const shown = result.notes.join("\n");
    expect(shown).toContain("What becomes public at https://status.lumen.example/postmortems/2026-08-19-database-failover/");
    expect(shown).toContain("  - 09:31 — Primary's storage volume stops completing writes.");
    expect(shown).not.toContain("Paged the database on-call");
    // --json carries the same public text, for a bot to post.
    const json = JSON.parse(presentAuthoring(result, { values: { json: true }, cwd: dir, color: false }).stdout ?? "") as {
      public: { url: string; text: string } | null;
    };
    expect(json.public?.url).toBe("https://status.lumen.example/postmortems/2026-08-19-database-failover/");
    expect(json.public?.text).toContain("- 09:31 — Primary's storage volume stops completing writes.");
    expect(json.public?.text).not.toContain("Paged the database on-call");

    const page = postmortemView(createBuildContext({ SITREP_ROOT: dir, SITREP_NOW: TEST_NOW }), FAILOVER);
    expect(page.bodyHtml).toContain("Primary's storage volume stops completing writes.");
    expect(page.bodyHtml).not.toContain("Paged the database on-call");
    const internal = postmortemView(createBuildContext({ SITREP_ROOT: dir, SITREP_NOW: TEST_NOW, SITREP_AUDIENCE: "internal" }), FAILOVER);
    expect(internal.bodyHtml).toContain("Paged the database on-call");
  });

  test("the CLI: an incident without a postmortem exits 2", () => {
    const result = runCli(["publish-postmortem", "payout-status-latency"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("has no postmortem");
  });
});
