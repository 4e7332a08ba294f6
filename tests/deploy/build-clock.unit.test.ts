// The deploy's build time never falls before the live build's: a runner clock behind it would
// leave out updates the live site shows, and bring them back (announced again) a deploy later.
import { describe, expect, it } from "vitest";
import { buildClock } from "../../scripts/deploy/build-clock.ts";

const now = new Date("2026-11-17T12:00:00Z");
const stamp = (builtAt: string) => JSON.stringify({ version: "abc", built_at: builtAt, fresh_until: builtAt, audience: "public" });

describe("buildClock", () => {
  it("is now when the live build is older, missing or unreadable", () => {
    for (const live of [
      stamp("2026-11-17T11:45:00.000Z"),
      stamp("2026-11-17T12:00:00.000Z"),
      undefined,
      "",
      "{",
      "null",
      JSON.stringify({ built_at: "yesterday" }),
    ]) {
      expect(buildClock(now, live)).toEqual({ at: now });
    }
  });

  it("is the live build's time when this runner's clock is behind it, and says so", () => {
    const clock = buildClock(now, stamp("2026-11-17T12:07:30.000Z"));
    expect(clock.at.toISOString()).toBe("2026-11-17T12:07:30.000Z");
    expect(clock.note).toBe(
      "this runner's clock (2026-11-17T12:00:00.000Z) is behind the live build (2026-11-17T12:07:30.000Z): building at the live build's time",
    );
  });
});
