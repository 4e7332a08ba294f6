// "Did you mean …?" suggestions: close typos only, and never a coin toss between equals.
import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../../scripts/records/closest.ts";

describe("closest", () => {
  it("suggests the one candidate a typo away", () => {
    expect(closest("resolvd", ["investigating", "identified", "monitoring", "resolved"])).toBe("resolved");
    expect(closest("startd_at", ["started_at", "detected_at", "resolved_at"])).toBe("started_at");
    expect(closest("Checkout-API", ["checkout-api", "webhooks"])).toBe("checkout-api");
  });

  it("suggests nothing when the input is far from every candidate", () => {
    expect(closest("closed", ["open", "done", "wont_do"])).toBeUndefined();
    expect(closest("x", [])).toBeUndefined();
  });

  it("suggests nothing when several candidates are equally close", () => {
    expect(closest("SEV4", ["SEV1", "SEV2", "SEV3"])).toBeUndefined();
    expect(closest("P4", ["P1", "P2", "P3"])).toBeUndefined();
    expect(closest("2026-11-11-api-errors", ["2026-11-10-api-errors", "2026-11-12-api-errors"])).toBeUndefined();
  });

  it("is not confused by a repeated candidate", () => {
    expect(closest("webb", ["web", "web", "api"])).toBe("web");
  });

  it("measures edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});
