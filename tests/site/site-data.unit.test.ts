// The site's data layer without a build: base paths from the site URL, the build's clock and
// audience, what a failed build prints, and what the views hand to the pages.
import { describe, expect, it } from "vitest";
import { buildFailure } from "../../site/data/build-failure.ts";
import { createBuildContext, siteLocation } from "../../site/data/build-context.ts";
import { archiveMonths, formatMinutes, incidentView, statusView } from "../../site/data/views.ts";
import * as errors from "../../scripts/errors.ts";
import { InvalidRecordsError, SitrepError } from "../../scripts/errors.ts";
import { TEST_NOW } from "../helpers/run-cli.ts";
import { exampleOrgRoot } from "../helpers/example-repo.ts";

describe("siteLocation", () => {
  it("serves a root domain at / and a project site under its path", () => {
    expect(siteLocation("https://status.lumen.example")).toEqual({ siteUrl: "https://status.lumen.example", base: "/" });
    expect(siteLocation("https://lumen.github.io/status/")).toEqual({ siteUrl: "https://lumen.github.io/status", base: "/status/" });
    expect(siteLocation("https://lumen.github.io/a/b")).toEqual({ siteUrl: "https://lumen.github.io/a/b", base: "/a/b/" });
  });
  it("rejects a URL that is not absolute, with a hint", () => {
    expect(() => siteLocation("status.example.com")).toThrow(/not an absolute URL/);
  });
  it("rejects what validate rejects in site.url (SITREP_SITE_URL bypasses validate)", () => {
    expect(() => siteLocation("javascript:alert(1)//x/")).toThrow(/The site URL `javascript:alert\(1\)\/\/x\/` uses `javascript:`/);
    expect(() => siteLocation("https://preview.example/pr-7/?x=1#frag")).toThrow(/query \(`\?…`\) or a fragment/);
  });
});

describe("createBuildContext", () => {
  const env = { SITREP_ROOT: exampleOrgRoot, SITREP_NOW: TEST_NOW };
  it("uses SITREP_NOW, fails closed to the public audience and applies SITREP_SITE_URL to the publishers' config", () => {
    const context = createBuildContext({ ...env, SITREP_AUDIENCE: "Internal", SITREP_SITE_URL: "https://preview.example/pr-7/" });
    expect(context.now.toISOString()).toBe("2026-11-22T12:00:00.000Z");
    expect(context.audience).toBe("public");
    expect(context.base).toBe("/pr-7/");
    expect(context.repository.config.site.url).toBe("https://preview.example/pr-7");
    expect(context.timeZone).toBe("Europe/Berlin");
  });

  it("gives the status page the active incident, the scheduled maintenance and no hidden records", () => {
    const context = createBuildContext(env);
    const view = statusView(context);
    expect(view.indicator).toBe("minor");
    expect(view.activeIncidents.map((i) => i.id)).toEqual(["2026-11-21-payout-status-latency"]);
    expect(view.upcomingMaintenance.map((i) => i.id)).toEqual(["2027-02-10-card-vault-hsm-migration"]);
    expect(view.groups.map((g) => g.name)).toEqual(["Payments", "Platform", "Dashboard"]);
    for (const group of view.groups) for (const c of group.components) expect(c.days).toHaveLength(90);
    const archived = archiveMonths(context).flatMap((m) => m.incidents.map((i) => i.id));
    expect(archived).not.toContain("2026-08-30-gameday-region-evacuation");
    expect(archived.every((id) => !incidentView(context, id).internalDetails)).toBe(true);
  });

  it("gives internal details only to the internal build", () => {
    const context = createBuildContext({ ...env, SITREP_AUDIENCE: "internal" });
    const view = incidentView(context, "2026-11-17-checkout-elevated-errors");
    expect(view.internalDetails?.timeline.some((t) => t.event.includes("INTERNAL:"))).toBe(true);
    expect(view.updates[0].status).toBe("resolved"); // newest first
    expect(view.durationMinutes).toBe(78);
  });
});

describe("buildFailure", () => {
  it("prints every diagnostic as file:line:col with its hint, and annotations on GitHub Actions", () => {
    const error = new InvalidRecordsError([
      {
        file: "incidents/2026/x.md",
        line: 4,
        column: 9,
        rule: "invalid-value",
        severity: "error",
        message: "`status` is `fixed`.",
        hint: "Use resolved.",
      },
    ]);
    const local = buildFailure(error, {});
    expect(local.exitCode).toBe(1);
    expect(local.text).toContain("incidents/2026/x.md:4:9  error  `status` is `fixed`.  (invalid-value)\n    hint: Use resolved.");
    expect(local.text).not.toContain("::error");
    expect(buildFailure(error, { GITHUB_ACTIONS: "true" }).text).toMatch(/::error file=incidents\/2026\/x\.md,line=4,col(umn)?=9/);
  });
});

describe("buildFailure and the error classes", () => {
  // Every class scripts/errors.ts exports, built with arguments its constructor accepts.
  const diagnostic = { file: "a.md", line: 1, column: 1, rule: "r", severity: "error" as const, message: "m", hint: "h" };
  const classes = (Object.entries(errors) as [string, unknown][]).filter(
    (entry): entry is [string, new (...args: never[]) => Error] => typeof entry[1] === "function" && entry[1].prototype instanceof Error,
  );
  const sample: Record<string, unknown[]> = {
    InvalidRecordsError: [[diagnostic]],
    RejectedChangeError: ["the change", [diagnostic]],
    UsageError: ["bad flag", "use --x"],
  };

  it("finds every error class", () => {
    expect(classes.map(([name]) => name)).toEqual(
      expect.arrayContaining(["SitrepError", "UsageError", "InvalidRecordsError", "NotAGitRepositoryError", "ShallowCloneError"]),
    );
  });
  it.each(classes.map(([name]) => name))("prints %s as a diagnostic with its hint, not as a crash", (name) => {
    const Class = classes.find(([n]) => n === name)![1] as new (...args: unknown[]) => SitrepError;
    const error = new Class(...(sample[name] ?? ["/repo"]));
    expect(error).toBeInstanceOf(SitrepError);
    const failure = buildFailure(error, {});
    expect(failure.text).not.toContain("unexpectedly");
    expect(failure.text).not.toContain("    at ");
    expect(failure.text).toMatch(/error: /);
    if (error.hint) expect(failure.text).toContain(`hint: `);
    expect(failure.exitCode).toBe(error.exitCode);
  });
  it("prints anything else as a bug, with its stack", () => {
    expect(buildFailure(new TypeError("x is undefined"), {}).text).toMatch(/unexpectedly[\s\S]*TypeError: x is undefined\n\s+at /);
  });
});

describe("formatMinutes", () => {
  it("writes durations compactly", () => {
    expect([formatMinutes(45), formatMinutes(60), formatMinutes(125), formatMinutes(1440 + 240)]).toEqual([
      "45 min",
      "1 h",
      "2 h 5 min",
      "1 d 4 h",
    ]);
  });
});
