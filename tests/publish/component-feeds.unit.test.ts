// Each component has its own RSS/Atom feed and maintenance calendar, so a customer who uses only
// Payouts follows only Payouts: the entries of records that named it or had impact on it, and
// nothing from other components or from records the public may not see.
import { beforeAll, describe, expect, it } from "vitest";
import { buildFeeds } from "../../scripts/publish/feeds.ts";
import { buildMaintenanceCalendar } from "../../scripts/publish/ical.ts";
import { componentFilePaths } from "../../scripts/publish/site-url.ts";
import type { Repository } from "../../scripts/records/record-types.ts";
import { EXAMPLE_NOW, INTERNAL_TEXTS, loadExamples } from "./examples.ts";

let repository: Repository;
beforeAll(() => {
  repository = loadExamples();
});
const options = (componentId: string) => ({ audience: "public" as const, now: EXAMPLE_NOW, componentId });

describe("a component's own feeds and calendar", () => {
  it("live beside its page", () => {
    expect(componentFilePaths("payouts")).toEqual({
      rss: "components/payouts/history.rss",
      atom: "components/payouts/history.atom",
      calendar: "components/payouts/maintenance.ics",
    });
  });

  it("carry the updates of records that concerned the component, and only those", () => {
    const { rss, atom } = buildFeeds(repository, options("payouts"));
    expect(rss).toContain("Slow payout status in the API and dashboard");
    expect(rss).not.toContain("Elevated checkout errors");
    expect(atom).toContain(`<title>${repository.config.site.title}: Payouts</title>`);
    expect(atom).toContain("https://status.lumen.example/components/payouts/history.atom");
    for (const text of INTERNAL_TEXTS) expect(rss).not.toContain(text);
    const all = buildFeeds(repository, { audience: "public", now: EXAMPLE_NOW });
    expect(all.rss).toContain("Elevated checkout errors");
  });

  it("list only the maintenance of the component in its calendar", () => {
    const vault = buildMaintenanceCalendar(repository, options("card-vault"));
    expect(vault).toContain("Card vault hardware security module migration");
    expect(vault).not.toContain("Payments database upgrade");
    expect(buildMaintenanceCalendar(repository, options("checkout-api"))).not.toContain("BEGIN:VEVENT");
  });
});
