// The pure parts of authoring: times typed on the command line, slugs, ids, comment spacing,
// and the list of bundled example records init removes.
import { describe, expect, test } from "vitest";
import { describeTime, parsePastTime, parseTimeInput } from "../../scripts/authoring/flags/time-input.ts";
import { slugify } from "../../scripts/authoring/edits/slug.ts";
import { uniqueIncidentId } from "../../scripts/authoring/edits/incident-id.ts";
import { editFrontMatter, restoreCommentSpacing } from "../../scripts/authoring/edits/front-matter-edit.ts";
import { initConfigText, parseComponentDefinition } from "../../scripts/authoring/init/config-text.ts";
import { EXAMPLE_RECORD_PATHS } from "../../scripts/authoring/init/example-records.ts";
import { shellQuote } from "../../scripts/authoring/writes/pull-request-commands.ts";
import { addTimelineEntry, appendUpdate, setMilestone, setStatus } from "../../scripts/authoring/edits/incident-edits.ts";
import { discoverRecordFiles } from "../../scripts/records/discover.ts";
import { loadSchedules } from "../../scripts/oncall/load-schedules.ts";
import { exampleOrgRoot } from "../helpers/example-repo.ts";
import { formatCommandHelp } from "../../scripts/cli/help.ts";
import { matchId } from "../../scripts/authoring/flags/match-id.ts";
import { declareTitle, updateTitle } from "../../scripts/authoring/edits/commit-title.ts";

const now = new Date("2026-11-22T12:00:00.750Z");

describe("parseTimeInput", () => {
  test.each([
    ["now", "2026-11-22T12:00:00Z"],
    ["-15m", "2026-11-22T11:45:00Z"],
    ["-2h", "2026-11-22T10:00:00Z"],
    ["-1h30m", "2026-11-22T10:30:00Z"],
    ["+1d", "2026-11-23T12:00:00Z"],
    ["2026-11-22T14:05:00Z", "2026-11-22T14:05:00Z"],
    ["2026-11-22T15:05+01:00", "2026-11-22T14:05:00Z"],
    ["2026-11-22 09:05:30-05:00", "2026-11-22T14:05:30Z"],
    ["2026-11-22t14:05:00.9z", "2026-11-22T14:05:00Z"],
  ])("%s → %s", (input, expected) => {
    expect(parseTimeInput(input, now, "--at")).toBe(expected);
  });

  test.each([
    ["2026-11-22T14:05:00", /`2026-11-22T14:05:00`, a date and time without an offset/],
    ["2026-11-22", /a date and time without an offset/],
    ["2026-02-30T10:00:00Z", /not a real date or time/],
    ["tomorrow", /not a time sitrep understands/], // no time of day
    ["sometime 22:12", /not a time sitrep understands/], // not wholly a time
    ["-15", /not a time sitrep understands/],
  ])("refuses %s", (input, message) => {
    expect(() => parseTimeInput(input, now, "--at")).toThrow(message);
  });
});

describe("times people type, read in the site's zone", () => {
  // now is 2026-11-22T12:00Z: 06:00 in Chicago (-06:00), 13:00 in Berlin (+01:00).
  test.each([
    ["5 min ago", "UTC", "2026-11-22T11:55:00Z"],
    ["15 minutes ago", "America/Chicago", "2026-11-22T11:45:00Z"],
    ["05:40", "America/Chicago", "2026-11-22T11:40:00Z"],
    ["yesterday 23:40", "America/Chicago", "2026-11-22T05:40:00Z"],
    ["yesterday 23:40", "Europe/Berlin", "2026-11-21T22:40:00Z"],
    ["today 9am", "Europe/Berlin", "2026-11-22T08:00:00Z"],
  ])("%s in %s → %s", (input, zone, expected) => {
    expect(parseTimeInput(input, now, "--at", zone)).toBe(expected);
  });

  test("a time of day later than now means yesterday's, for a time that has happened", () => {
    expect(parsePastTime("22:12", now, "--at", "America/Chicago")).toBe("2026-11-22T04:12:00Z"); // 22:12 on the 21st in Chicago
    expect(parseTimeInput("22:12", now, "--start", "America/Chicago")).toBe("2026-11-23T04:12:00Z"); // a window to come: today's
  });

  test("hints give the configured zone's offset, and an echo says how a time was read", () => {
    expect(() => parseTimeInput("2026-11-22 05:40", now, "--at", "America/Chicago")).toThrow(
      expect.objectContaining({ hint: expect.stringContaining("e.g. `2026-11-22T05:40-06:00` for America/Chicago") }),
    );
    expect(() => parsePastTime("2026-11-22T22:30:00Z", now, "--at", "America/Chicago")).toThrow(
      expect.objectContaining({ hint: expect.stringContaining("America/Chicago is -06:00 now") }),
    );
    expect(describeTime("2026-11-22T04:12:00Z", "America/Chicago", now)).toBe("2026-11-21 22:12 America/Chicago (-06:00), 7 h 48 min ago");
  });
});

test("slugify", () => {
  expect(slugify("Checkout errors (EU) — 5xx on /v1/sessions")).toBe("checkout-errors-eu-5xx-on-v1-sessions");
  expect(slugify("Zahlungsausfälle bei Überweisungen")).toBe("zahlungsausfalle-bei-uberweisungen");
  expect(slugify("!!!")).toBe("incident");
  const long = slugify("Elevated error rates and latency for checkout sessions created through the public API in the EU region");
  expect(long.length).toBeLessThanOrEqual(60);
  expect(long).toBe("elevated-error-rates-and-latency-for-checkout-sessions");
});

test("uniqueIncidentId", () => {
  const taken = new Set(["2026-11-22-api-down", "2026-11-22-api-down-2"]);
  expect(uniqueIncidentId("2026-11-22", "api-down", taken)).toBe("2026-11-22-api-down-3");
  expect(uniqueIncidentId("2026-11-23", "api-down", taken)).toBe("2026-11-23-api-down");
});

test("restoreCommentSpacing gives back aligned trailing comments, and only those", () => {
  const original = "a: 1      # one\nb: 2\n";
  expect(restoreCommentSpacing(original, "a: 1 # one\nb: 3\nc: 4 # new\n")).toBe("a: 1      # one\nb: 3\nc: 4 # new\n");
});

test("editFrontMatter leaves the body and a BOM alone and refuses a file without front matter", () => {
  const text = "\uFEFF---\ntitle: A\n---\n\n---\nbody with a rule above\n";
  const edited = editFrontMatter(text, "x.md", (doc) => doc.set("status", "resolved"));
  expect(edited).toBe("\uFEFF---\ntitle: A\nstatus: resolved\n---\n\n---\nbody with a rule above\n");
  expect(() => editFrontMatter("no front matter\n", "x.md", () => {})).toThrow(/x\.md has no front matter/);
});

test("parseComponentDefinition", () => {
  expect(parseComponentDefinition("checkout-api=Checkout API@Payments")).toEqual({
    id: "checkout-api",
    name: "Checkout API",
    group: "Payments",
  });
  expect(parseComponentDefinition("web = Web app")).toEqual({ id: "web", name: "Web app" });
  expect(() => parseComponentDefinition("Web App")).toThrow(/is not <id>=<Name>\[@<Group>\]/);
  expect(() => parseComponentDefinition("Web=Web")).toThrow(/is not kebab-case/);
});

test("shellQuote makes any title safe to paste", () => {
  expect(shellQuote("Declare SEV2: it's $HOME `x`")).toBe(`'Declare SEV2: it'\\''s $HOME \`x\`'`);
  expect(shellQuote("incidents/2026/a.md")).toBe("incidents/2026/a.md");
});

test("the example list names exactly the bundled example records (init removes these)", () => {
  const schedules = loadSchedules(exampleOrgRoot).schedules.map((s) => s.source.path);
  const bundled = [...discoverRecordFiles(exampleOrgRoot).map((f) => f.path), ...schedules];
  expect([...EXAMPLE_RECORD_PATHS].sort()).toEqual(bundled.sort());
});

test.each(["init", "declare", "update", "acknowledge", "mitigate", "resolve", "complete", "maintenance", "postmortem", "runbook"])(
  "`sitrep %s --help` has usage, options and a runnable example",
  async (name) => {
    const { command } = await import(`../../scripts/commands/${name}.ts`);
    const help = formatCommandHelp(command.spec);
    expect(command.spec.name).toBe(name);
    expect(help).toContain(`Usage: sitrep ${name}`);
    expect(help).toMatch(new RegExp(`Examples:\\n  npx sitrep ${name} `));
    // Every flag an example uses exists.
    for (const example of command.spec.examples as string[]) {
      for (const [, flag] of example.matchAll(/ --([a-z-]+)/g))
        expect(Object.keys(command.spec.options), `${name}: --${flag}`).toContain(flag);
    }
  },
);

test("initConfigText: --keep-examples keeps the components in order, a given id replaces its entry in place", () => {
  const template = [
    "# sitrep configuration for the Lumen status page and incident records.",
    "site:",
    '  title: "Lumen Status"',
    '  url: "https://status.lumen.example"',
    '  description: "Lumen things"',
    "components:",
    "  # --- Payments ---",
    "  - id: a",
    "    name: A",
    "  - id: b",
    "    name: B",
    "github:",
    "  # owner/name of the repository",
    '  repository: "lumen-example/status"',
    "  labels:",
    "    - x",
    "",
  ].join("\n");
  const text = initConfigText(template, {
    title: "Acme: Status",
    url: "https://acme.example",
    timezone: "UTC",
    description: "Acme's status.",
    components: [
      { id: "b", name: "Bee", group: "G" },
      { id: "c", name: "C" },
    ],
    repository: "acme/status",
    keepComponents: true,
  });
  expect(text).toMatchInlineSnapshot(`
    "# sitrep configuration for Acme: Status.
    site:
      title: "Acme: Status"
      url: "https://acme.example"
      description: "Acme's status."
      timezone: UTC
    components:
      - id: a
        name: A
      - id: b
        name: Bee
        group: G
      - id: c
        name: C
    github:
      # owner/name of the repository
      repository: "acme/status"
      labels:
        - x
    "
  `);
});

test("incident edits: empty flow lists become block lists, a bare key gets its list, new keys land in template order", () => {
  const text = "---\ntitle: T # keep me\nstatus: investigating\nstarted_at: 2026-11-22T10:00:00Z\nupdates: []\ntimeline:\n---\nBody\n";
  const edited = editFrontMatter(text, "x.md", (doc) => {
    appendUpdate(doc, { at: "2026-11-22T10:05:00Z", status: "identified", body: "Found: it", components: { api: "operational" } });
    setStatus(doc, "identified");
    addTimelineEntry(doc, { at: "2026-11-22T10:06:00Z", event: "b" });
    addTimelineEntry(doc, { at: "2026-11-22T10:04:00Z", event: "a" });
    setMilestone(doc, "acknowledged_at", "2026-11-22T10:03:00Z");
    setMilestone(doc, "detected_at", "2026-11-22T10:01:00Z");
  });
  expect(edited).toBe(
    [
      "---",
      "title: T # keep me",
      "status: identified",
      "started_at: 2026-11-22T10:00:00Z",
      "detected_at: 2026-11-22T10:01:00Z",
      "acknowledged_at: 2026-11-22T10:03:00Z",
      "updates:",
      "  - at: 2026-11-22T10:05:00Z",
      "    status: identified",
      '    body: "Found: it"',
      "    components:",
      "      api: operational",
      "timeline:",
      "  - at: 2026-11-22T10:04:00Z",
      "    event: a",
      "  - at: 2026-11-22T10:06:00Z",
      "    event: b",
      "---",
      "Body",
      "",
    ].join("\n"),
  );
});

describe("matchId (short ids)", () => {
  const ids = [
    "2026-12-07-label-printing-fails-for-some-customers",
    "2026-12-01-label-api-errors",
    "2026-11-20-checkout-errors",
    "2026-11-20-checkout-errors-2",
  ];
  test.each([
    ["2026-11-20-checkout-errors", { kind: "exact", id: "2026-11-20-checkout-errors" }],
    ["label-printing", { kind: "short", id: "2026-12-07-label-printing-fails-for-some-customers" }],
    ["2026-12-07", { kind: "short", id: "2026-12-07-label-printing-fails-for-some-customers" }],
    ["printing-fails", { kind: "short", id: "2026-12-07-label-printing-fails-for-some-customers" }],
    ["API", { kind: "short", id: "2026-12-01-label-api-errors" }],
    ["incidents/2026/2026-12-01-label-api-errors.md", { kind: "exact", id: "2026-12-01-label-api-errors" }],
    ["print", { kind: "none" }],
    ["label", { kind: "ambiguous", candidates: ["2026-12-07-label-printing-fails-for-some-customers", "2026-12-01-label-api-errors"] }],
  ])("%s", (query, expected) => {
    expect(matchId(query, ids)).toEqual(expected);
  });
  test("an open incident breaks a tie; ambiguous lists open ones first", () => {
    expect(matchId("label", ids, new Set(["2026-12-01-label-api-errors"]))).toEqual({ kind: "short", id: "2026-12-01-label-api-errors" });
    expect(matchId("errors", ids, new Set(["2026-11-20-checkout-errors", "2026-12-01-label-api-errors"]))).toEqual({
      kind: "ambiguous",
      candidates: ["2026-12-01-label-api-errors", "2026-11-20-checkout-errors", "2026-11-20-checkout-errors-2"],
    });
  });
});

describe("commit titles say what happened", () => {
  const config = { severities: [{ id: "SEV1" }, { id: "SEV2" }, { id: "SEV3" }] } as never;
  const base = { title: "Checkout errors", severity: "SEV2", commander: "ines", status: "investigating", drill: false, maintenance: false };
  test.each([
    [{ newSeverity: "SEV1" }, "Escalate SEV2 → SEV1: Checkout errors"],
    [{ newSeverity: "SEV3", updateStatus: "identified" }, "De-escalate SEV2 → SEV3; Update: investigating → identified: Checkout errors"],
    [{ newCommander: "akin-b" }, "Hand over command to akin-b: Checkout errors"],
    [{ updateStatus: "investigating" }, "Update (investigating): Checkout errors"],
    [{ newTitle: "Checkout down", updateStatus: "investigating", drill: true }, "Drill: Retitle; Update (investigating): Checkout down"],
  ])("%j", (change, expected) => {
    expect(updateTitle({ ...base, ...change }, config)).toBe(expected);
  });
  test("declare", () => {
    expect(declareTitle("SEV1", "Game day: region evacuation", { drill: true, nearMiss: false, internal: false })).toBe(
      "Drill: declare SEV1: Game day: region evacuation",
    );
    expect(declareTitle("SEV3", "Certificate nearly expired", { drill: false, nearMiss: true, internal: false })).toBe(
      "Near-miss SEV3: Certificate nearly expired",
    );
    expect(declareTitle("SEV2", "Checkout errors", { drill: false, nearMiss: false, internal: false })).toBe(
      "Declare SEV2: Checkout errors",
    );
  });
});
