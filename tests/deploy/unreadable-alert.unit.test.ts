// The pure decisions behind issue 22's M5: an unreadable deployed.json reported once (one issue,
// then no build while it is open, closed when the stamp reads again), and the template's example
// configuration recognised as init recognises it.
import { describe, expect, test } from "vitest";
import { ALERT_MARKER, alertBody, unreadableStampAlert } from "../../scripts/deploy/unreadable-alert.ts";
import { exampleConfigurationReason } from "../../scripts/github/pre-init.ts";

const due = { due: true, reason: "there is no record of the last deploy", next: null };
const notDue = { due: false, reason: "nothing changes", next: null };

describe("unreadableStampAlert", () => {
  test("unreadable, nothing reported yet: the decision stands (build once) and the issue is opened", () => {
    expect(unreadableStampAlert({ decision: due, unreadable: "HTTP 404", openIssue: undefined })).toEqual({
      decision: due,
      alert: { action: "open" },
    });
  });
  test("unreadable, already reported: not due, naming the issue; nothing to open", () => {
    const { decision, alert } = unreadableStampAlert({ decision: due, unreadable: "HTTP 404", openIssue: 12 });
    expect(alert).toEqual({ action: "none" });
    expect(decision.due).toBe(false);
    expect(decision.reason).toMatch(/still cannot be read \(HTTP 404\), already reported in #12: .* until it can be read or #12 is closed/);
  });
  test("readable again with the issue open: the decision stands and the issue is closed", () => {
    expect(unreadableStampAlert({ decision: notDue, unreadable: undefined, openIssue: 12 })).toEqual({
      decision: notDue,
      alert: { action: "close", issue: 12 },
    });
  });
  test("readable, nothing reported: nothing to do", () => {
    expect(unreadableStampAlert({ decision: notDue, unreadable: undefined, openIssue: undefined })).toEqual({
      decision: notDue,
      alert: { action: "none" },
    });
  });
  test("the body starts with the marker, says what happened, the usual causes and what to do", () => {
    const body = alertBody("x answered HTTP 404", "https://github.com/a/b/actions/runs/1");
    expect(body.startsWith(`${ALERT_MARKER}\n`)).toBe(true);
    expect(body).toContain("x answered HTTP 404");
    expect(body).toMatch(/Pages is not turned on/);
    expect(body).toMatch(/Close it yourself/);
    expect(body.endsWith("Reported by https://github.com/a/b/actions/runs/1.")).toBe(true);
  });
});

describe("exampleConfigurationReason", () => {
  test.each(["https://status.lumen.example", "https://status.lumen.example/"])("%s: the example, with what to do", (url) => {
    expect(exampleConfigurationReason(url)).toMatch(/still the template's example .* run `npx sitrep init`/);
  });
  test.each(["https://status.acme.example", "https://status.lumen.example.com", undefined])("%s: a team's own", (url) => {
    expect(exampleConfigurationReason(url)).toBeUndefined();
  });
});
