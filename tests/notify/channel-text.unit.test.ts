// Every channel against the same hostile text: Slack's `<!channel>` and masked links, Markdown
// links, Discord mentions, a doubly-encoded entity, a non-ASCII component name, right-to-left
// text with bidi controls, and names longer than any platform allows. Each channel's exact output
// is asserted, so a change to an escaping rule shows here. In-process: formats are pure.
import { describe, expect, it } from "vitest";
import type { NotifyEvent } from "../../scripts/notify/new-events.ts";
import { discordRequests } from "../../scripts/notify/formats/discord.ts";
import { emailMessage } from "../../scripts/notify/formats/email.ts";
import { bidiSafe } from "../../scripts/notify/formats/escape.ts";
import { slackRequests } from "../../scripts/notify/formats/slack.ts";
import { teamsRequests } from "../../scripts/notify/formats/teams.ts";
import { webhookRequests } from "../../scripts/notify/formats/webhook.ts";
import { buildMessage, type Message } from "../../scripts/notify/message.ts";
import type { ApiIncident, PublishedSite } from "../../scripts/notify/published-site.ts";
import { htmlToText, renderMarkdown } from "../../scripts/publish/markdown.ts";

/** The hostile strings, as a reader should see them. */
const HOSTILE = "<!channel> <!here> <https://evil|click> [text](https://evil) @everyone @here <@123> &lt;";
/** The same as an update's Markdown: code spans keep the markup literal; `&amp;lt;` must come out "&lt;", decoded once. */
const HOSTILE_MARKDOWN = "`<!channel>` `<!here>` `<https://evil|click>` `[text](https://evil)` @everyone @here `<@123>` &amp;lt;";
const EU = "Checkout API – EU";
const HEBREW = "תקלה בתשלומים";
/** A right-to-left override that is never closed: shown raw, it turns the rest of the line around. */
const OVERRIDE = "Payments \u202eevil";
const checkouts = (n: number) => "Checkout ".repeat(n).trim();
/** 539 characters: longer than Slack's header (150) and Discord's and Teams' field names (256). */
const LONG = checkouts(60);

const update = {
  id: "upd0000000001",
  status: "identified",
  body: HOSTILE_MARKDOWN,
  created_at: "2026-11-17T11:05:00.000Z",
  affected_components: [
    { code: "checkout-eu", name: EU, old_status: "operational", new_status: "major_outage" },
    { code: "ledger", name: LONG, old_status: "operational", new_status: "partial_outage" },
  ],
};
const incident: ApiIncident = {
  id: "inc000000001",
  name: HOSTILE,
  status: "identified",
  impact: "major",
  shortlink: "https://status.test.example/incidents/pay/",
  created_at: "2026-11-17T11:00:00.000Z",
  incident_updates: [update],
  components: [
    { id: "checkout-eu", name: EU, status: "major_outage" },
    { id: "ledger", name: LONG, status: "partial_outage" },
  ],
};
const site: PublishedSite = {
  page: { id: "page00000001", name: "Test Status", url: "https://status.test.example/", updated_at: "2026-11-17T12:00:00.000Z" },
  status: { indicator: "major", description: "Partial System Outage" },
  incidents: [incident],
  maintenances: [],
  complete: true,
  postmortems: [],
};
const event: NotifyEvent = { id: update.id, kind: "incident_updated", at: update.created_at, incident, update };
const message: Message = buildMessage(event, site);

const SLACK = "&lt;!channel&gt; &lt;!here&gt; &lt;https://evil|click&gt; [text](https://evil) @everyone @here &lt;@123&gt; &amp;lt;";
const DISCORD =
  "\\<!channel\\> \\<!here\\> \\<https://evil\\|click\\> \\[text\\]\\(https://evil\\) @\u200beveryone @\u200bhere \\<@123\\> &lt;";
const HTML = "&lt;!channel&gt; &lt;!here&gt; &lt;https://evil|click&gt; [text](https://evil) @everyone @here &lt;@123&gt; &amp;lt;";

describe("the message text", () => {
  it("decodes entities exactly once", () => {
    expect(message.text).toBe(HOSTILE);
    expect(htmlToText(renderMarkdown("&amp;lt; &amp;amp; &#38;lt; `&amp;gt;`"))).toBe("&lt; &amp; &lt; &amp;gt;");
    expect(htmlToText("<p>&#x26;#x3C; &constructor; &#0;</p>")).toBe("&#x3C; &constructor; &#0;");
  });
});

describe("Slack", () => {
  const body = JSON.parse(slackRequests(message)[0].body);
  it("escapes &, < and > in the fallback text and every mrkdwn block", () => {
    expect(body.text).toBe(`Incident update: ${SLACK} — ${SLACK}`);
    expect(body.blocks[1].text.text).toBe(`*Identified · Major impact*\n${SLACK}`);
    expect(body.blocks[2].fields[0].text).toBe(`*${EU}*\nMajor Outage`);
    expect(body.blocks[3].elements[0].text).toBe(
      "<https://status.test.example/incidents/pay/|View on the status page> · Posted 2026-11-17 11:05 UTC · Test Status",
    );
  });
  it("leaves plain_text as written, and clips it", () => {
    expect(body.blocks[0].text).toEqual({ type: "plain_text", text: `Incident update: ${HOSTILE}`, emoji: false });
    const long = JSON.parse(slackRequests({ ...message, title: LONG })[0].body);
    expect(long.blocks[0].text.text).toBe(`Incident update: ${checkouts(14)}…`);
    expect(body.blocks[2].fields[1].text).toBe(`*${LONG}*\nPartial Outage`);
  });
  it("cannot be cut short by a | or > in the link", () => {
    const odd = JSON.parse(slackRequests({ ...message, link: "https://status.test.example/a|b>c&d" })[0].body);
    expect(odd.blocks[3].elements[0].text.startsWith("<https://status.test.example/a%7Cb&gt;c&amp;d|View on the status page>")).toBe(true);
  });
});

describe("Teams", () => {
  const card = JSON.parse(teamsRequests(message)[0].body).attachments[0].content;
  const runs = (block: { inlines: { text: string }[] }) => block.inlines.map((r) => r.text);
  it("puts every text from the site in TextRuns, which never read Markdown", () => {
    expect(card.body.map((b: { type: string }) => b.type)).toEqual([
      "TextBlock",
      "RichTextBlock",
      "RichTextBlock",
      "RichTextBlock",
      "RichTextBlock",
      "RichTextBlock",
      "RichTextBlock",
    ]);
    expect(card.body[0].text).toBe("Incident update");
    expect(runs(card.body[1])).toEqual([HOSTILE]);
    expect(runs(card.body[3])).toEqual([HOSTILE]);
    expect(runs(card.body[4])).toEqual([EU, ": Major Outage"]);
    expect(card.body[5].inlines[0].text).toBe(`${checkouts(28)}…`);
    expect(JSON.stringify(card)).not.toContain('"TextBlock","text":"<');
  });
});

describe("Discord", () => {
  const payload = JSON.parse(discordRequests(message)[0].body);
  const embed = payload.embeds[0];
  it("escapes Markdown and neutralises every kind of mention, and allows none", () => {
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(embed.title).toBe(`Incident update: ${DISCORD}`);
    expect(embed.description).toBe(`**Identified · Major impact**\n${DISCORD}`);
    expect(embed.fields[0]).toEqual({ name: EU, value: "Major Outage", inline: true });
    expect(embed.fields[1].name).toBe(`${checkouts(28)}…`);
    expect(embed.footer.text).toBe("Posted 2026-11-17 11:05 UTC · Test Status");
  });
});

describe("email", () => {
  const email = emailMessage(message);
  it("keeps the plain-text part as written and escapes every text in the HTML part", () => {
    expect(email.subject).toBe(`[Test Status] Incident update: ${HOSTILE}`);
    expect(email.text.split("\n").slice(0, 4)).toEqual([`Incident update: ${HOSTILE}`, "Identified · Major impact", "", HOSTILE]);
    expect(email.text).toContain(`- ${EU}: Major Outage`);
    expect(email.html).toContain(`<title>${HTML}</title>`);
    expect(email.html).toContain(`<h1 style="font-size: 1.4rem; margin: 0.2rem 0">${HTML}</h1>`);
    expect(email.html).toContain(`<th scope="row" style="text-align: left; padding: 0.2rem 1rem 0.2rem 0">${EU}</th>`);
    // The update's own HTML is the sanitizer's: the code spans stay code, the entity stays escaped.
    expect(email.html).toContain("<code>&#x3C;!channel></code>");
    expect(email.html).not.toMatch(/<(?:a href="https:\/\/evil|!channel)/);
  });
});

describe("webhook", () => {
  const requests = webhookRequests(message, site, "s3cret");
  it("sends the text raw in correct JSON", () => {
    const incidentPayload = JSON.parse(requests[0].body);
    expect(incidentPayload.incident.name).toBe(HOSTILE);
    expect(incidentPayload.incident.incident_updates[0].body).toBe(HOSTILE_MARKDOWN);
    expect(JSON.parse(requests[1].body).component.name).toBe(EU);
  });
  it("puts ids in headers, never names: printable ASCII whatever the component is called", () => {
    expect(requests.map((r) => r.label)).toEqual(["incident", `component_update ${EU}`, `component_update ${LONG}`]);
    expect(requests.map((r) => r.headers["x-sitrep-delivery"])).toEqual([
      "upd0000000001/incident",
      "upd0000000001/component_update/checkout-eu",
      "upd0000000001/component_update/ledger",
    ]);
    for (const r of requests) {
      expect(r.headers["webhook-id"]).toBe(r.headers["x-sitrep-delivery"]);
      for (const value of Object.values({ ...r.headers, ...r.stamp!(1_800_000_000) })) expect(value).toMatch(/^[\x20-\x7e]+$/);
    }
    const odd = webhookRequests({ ...message, event: { ...event, id: "ü 100%" } }, site)[0];
    expect(odd.headers["webhook-id"]).toBe("%C3%BC%20100%25/incident");
  });
});

describe("right-to-left text and bidi controls", () => {
  it("drops the controls and isolates right-to-left text in every channel; the webhook keeps it raw", () => {
    expect(bidiSafe(OVERRIDE)).toBe("Payments evil");
    expect(bidiSafe(HEBREW)).toBe(`\u2068${HEBREW}\u2069`);
    expect(bidiSafe(`\u2069${HEBREW}\u202e`)).toBe(`\u2068${HEBREW}\u2069`);
    const rtl = { ...message, title: OVERRIDE, text: HEBREW, components: [{ name: `${HEBREW} \u202eEU`, status: "Major Outage" }] };
    const isolated = `\u2068${HEBREW}\u2069`;
    const slack = JSON.parse(slackRequests(rtl)[0].body);
    expect([slack.text, slack.blocks[0].text.text, slack.blocks[2].fields[0].text]).toEqual([
      `Incident update: Payments evil — ${isolated}`,
      "Incident update: Payments evil",
      `*\u2068${HEBREW} EU\u2069*\nMajor Outage`,
    ]);
    const card = JSON.parse(teamsRequests(rtl)[0].body).attachments[0].content;
    expect([card.body[1].inlines[0].text, card.body[3].inlines[0].text]).toEqual(["Payments evil", isolated]);
    const embed = JSON.parse(discordRequests(rtl)[0].body).embeds[0];
    expect([embed.title, embed.description]).toEqual(["Incident update: Payments evil", `**Identified · Major impact**\n${isolated}`]);
    const email = emailMessage(rtl);
    expect([email.subject, email.text.split("\n")[3]]).toEqual(["[Test Status] Incident update: Payments evil", isolated]);
    expect(email.html).toContain('<h1 style="font-size: 1.4rem; margin: 0.2rem 0">Payments evil</h1>');
    expect(
      JSON.parse(webhookRequests({ ...rtl, event: { ...event, incident: { ...incident, name: OVERRIDE } } }, site)[0].body).incident.name,
    ).toBe(OVERRIDE);
  });
});
