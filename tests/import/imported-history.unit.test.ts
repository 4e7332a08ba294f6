// Imported history follows the rules that fit it (issue 23, decision 0131): a record with
// `source` is exempt from postmortem-required and update cadence, and left out of declaration
// lag (counted as imported); durations still include it. And the pure converters: Statuspage
// JSON → imported incidents (postmortem_body, started_at after the first update, monitoring_at
// outside the incident), HTML → Markdown.
import { describe, expect, it } from "vitest";
import { cadenceGaps } from "../../scripts/model/cadence.ts";
import { needsPostmortem } from "../../scripts/model/postmortem-policy.ts";
import { incidentDurations } from "../../scripts/metrics/durations.ts";
import type { HistoryEvents } from "../../scripts/history/events.ts";
import { htmlToMarkdown } from "../../scripts/import/html-to-markdown.ts";
import { convertStatuspage } from "../../scripts/import/statuspage-convert.ts";
import { buildConfig, incident } from "../status/build-records.ts";

const config = buildConfig();
const now = new Date("2026-11-22T12:00:00Z");
const base = {
  severity: "SEV1",
  status: "resolved" as const,
  started_at: "2026-11-01T10:00:00Z",
  detected_at: "2026-11-01T10:00:00Z",
  resolved_at: "2026-11-01T14:00:00Z",
  updates: [
    { at: "2026-11-01T10:00:00Z", status: "investigating" as const, body: "Looking." },
    { at: "2026-11-01T14:00:00Z", status: "resolved" as const, body: "Fixed, four hours later." },
  ],
};
const history = (id: string): HistoryEvents => ({
  events: [],
  actionItems: new Map(),
  records: new Map([[`incident:${id}`, { declaredAt: "2026-11-20T09:00:00Z" } as any]]),
});

describe("rules for imported history", () => {
  const native = incident("2026-11-01-native", base);
  const imported = incident("2026-11-01-imported", { ...base, source: "statuspage:abc123" });

  it("a SEV1 needs a postmortem unless it was imported", () => {
    expect(needsPostmortem(native.data, config)).toBe(true);
    expect(needsPostmortem(imported.data, config)).toBe(false);
  });

  it("update cadence checks native incidents only", () => {
    expect(cadenceGaps(native, config, now)).toMatchObject({ checked: true, gaps: [{ minutes: 240 }] });
    expect(cadenceGaps(imported, config, now)).toEqual({ checked: false, gaps: [] });
  });

  it("declaration lag leaves imported records out; durations keep them", () => {
    expect(incidentDurations(native, history(native.id))).toMatchObject({ ttr: 240, declaration_lag: 19 * 24 * 60 - 60 });
    const durations = incidentDurations(imported, history(imported.id));
    expect(durations.ttr).toBe(240);
    expect(durations.declaration_lag).toBeUndefined();
  });
});

describe("convertStatuspage", () => {
  const update = (status: string, at: string, body: unknown = "x") => ({
    status,
    body,
    display_at: at,
    created_at: at,
    affected_components: null,
  });

  it("takes the Manage API's postmortem_body, starts no later than the first update, and drops a monitoring_at outside the incident", () => {
    const { incidents, skipped } = convertStatuspage(
      [
        {
          id: "abc",
          name: "Outage",
          status: "resolved",
          impact: "critical",
          started_at: "2026-11-01T10:30:00Z",
          monitoring_at: "2026-11-01T09:00:00Z",
          resolved_at: "2026-11-01T12:00:00Z",
          postmortem_body: "<h2>What happened</h2><p>A <em>bad</em> deploy.</p>",
          postmortem_published_at: "2026-11-03T08:00:00Z",
          incident_updates: [update("resolved", "2026-11-01T12:00:00Z"), update("investigating", "2026-11-01T10:00:00Z", null)],
        },
      ],
      [],
      "incidents.json",
    );
    expect(skipped).toEqual([]);
    expect(incidents[0]).toMatchObject({
      source: "statuspage:abc",
      started_at: "2026-11-01T10:00:00Z",
      resolved_at: "2026-11-01T12:00:00Z",
      status: "resolved",
      impact: "critical",
      postmortem: { body: "## What happened\n\nA _bad_ deploy.", published_at: "2026-11-03T08:00:00Z" },
    });
    expect(incidents[0].mitigated_at).toBeUndefined();
    expect(incidents[0].updates.map((u) => u.body)).toEqual(["(No message was posted with this update.)", "x"]);
  });

  it("lists incidents that appear twice (incidents.json and scheduled-maintenances.json) once", () => {
    const item = {
      id: "m1",
      name: "Upgrade",
      status: "completed",
      impact: "maintenance",
      scheduled_for: "2026-11-01T01:00:00Z",
      scheduled_until: "2026-11-01T02:00:00Z",
      incident_updates: [update("completed", "2026-11-01T02:00:00Z")],
    };
    expect(convertStatuspage([item, item], [], "incidents.json").incidents).toHaveLength(1);
  });
});

describe("htmlToMarkdown", () => {
  it("keeps plain text as typed and converts markup", () => {
    expect(htmlToMarkdown("Plain *text*, 5 < 6\r\nsecond line")).toBe("Plain *text*, 5 < 6\nsecond line");
    expect(htmlToMarkdown('One<br />two &amp; <a href="https://example.com">three</a>')).toBe("One  \ntwo & [three](https://example.com)");
  });
});
