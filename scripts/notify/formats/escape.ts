// How the site's text is made literal in each channel's markup, in one file so every rule meets
// the same hostile strings in tests/notify/channel-text.unit.test.ts. A record's title or update is
// text to show, never markup to follow: no mention pings, no link hides its address, no bidi
// control reorders what comes after it. Pure.

/** Slack mrkdwn: `&`, `<` and `>` are its only control characters (mentions, links, dates). */
export function slackText(text: string): string {
  return bidiSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A URL inside Slack's `<url|label>`: entity-escaped, and `|` encoded so it cannot end the URL. */
export function slackUrl(url: string): string {
  return url.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "%7C");
}

/**
 * Discord Markdown: every character its parser treats as markup gets a backslash (`<` too, so
 * `<@123>`, `<#1>` and `<t:0>` show as written), and `@everyone` / `@here` get a zero-width space
 * after the `@`. The payload's `allowed_mentions: { parse: [] }` is the second guard.
 */
export function discordText(text: string): string {
  return bidiSafe(text)
    .replace(/([\\*_~`|<>#[\]()-])/g, "\\$1")
    .replace(/@(everyone|here)/gi, "@\u200b$1");
}

/** HTML text from the site: bidi-safe and escaped. */
export function htmlText(text: string): string {
  return htmlAttribute(bidiSafe(text));
}

/** An HTML attribute value (a URL), escaped as is. */
export function htmlAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Explicit embeddings, overrides and isolates (LRE…RLO, LRI…PDI): invisible, and they reorder what follows. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest of the right-to-left blocks, with their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;

/**
 * Text that cannot reorder its neighbours: bidi controls dropped (an unclosed override would
 * turn the rest of the line around), and right-to-left text wrapped in an isolate
 * (FSI U+2068 … PDI U+2069) so it reads right and leaves the punctuation around it in place.
 * Left-to-right text comes back unchanged.
 */
export function bidiSafe(text: string): string {
  const plain = text.replace(BIDI_CONTROLS, "");
  return RIGHT_TO_LEFT.test(plain) ? `\u2068${plain}\u2069` : plain;
}
