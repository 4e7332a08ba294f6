// Checks of `site.url` and `site.timezone` that the schema cannot express: a configuration that
// validated but could not build (issue 13 item 5). `timezone: Mars/Olympus_Mons` gave a stack
// trace in the build; `url: 'javascript:alert(1)//x/'` passed `format: uri`; a percent-encoded
// or spaced path broke page routing ("Missing parameter: id"); a query or fragment put every
// feed, iCal and shortlink URL after the `#` (`…#frag/incidents/…`).
import type { Config } from "./record-types.ts";
import type { Finding } from "./finding.ts";
import { isTimeZone, suggestTimeZone } from "./time-zone-names.ts";

/** A path of URL-safe characters only: letters, digits, `-`, `.`, `_`, `~` and `/`. */
const SAFE_PATH = /^[A-Za-z0-9._~/-]*$/;

export function checkConfigSite(file: string, config: Config): Finding[] {
  return [...checkUrl(file, config.site.url), ...checkTimeZone(file, config.site.timezone)];
}

function checkUrl(file: string, url: string): Finding[] {
  const problem = siteUrlProblem(url);
  return problem ? [{ file, rule: "config-site-url", severity: "error", path: ["site", "url"], ...problem }] : [];
}

/** Why a site URL cannot be built under, or undefined when it can (also for SITREP_SITE_URL). */
export function siteUrlProblem(url: string): { message: string; hint: string } | undefined {
  const at = (message: string, hint: string) => ({ message, hint });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return at(
      `\`site.url\` \`${url}\` is not an absolute URL.`,
      "Use the address the site is served from, e.g. https://status.example.com/ or https://acme.github.io/status/.",
    );
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return at(
      `\`site.url\` uses \`${parsed.protocol}\`; the site can only be served over https: (or http:).`,
      "Use the address the site is served from, e.g. https://status.example.com/.",
    );
  }
  if (parsed.username || parsed.password) {
    return at(
      "`site.url` carries a user name or password; it is printed in every page, feed and issue.",
      `Remove the credentials: ${parsed.protocol}//${parsed.host}${parsed.pathname}`,
    );
  }
  // The URL parser drops an empty `?` or `#`; the text still has it.
  if (parsed.search || parsed.hash || /[?#]/.test(url)) {
    return at(
      "`site.url` has a query (`?…`) or a fragment (`#…`); every link sitrep builds would land after it.",
      `Use the site's base address only: ${parsed.protocol}//${parsed.host}${parsed.pathname}`,
    );
  }
  if (!SAFE_PATH.test(parsed.pathname) || /\s/.test(url)) {
    return at(
      `\`site.url\`'s path \`${decodeSafely(parsed.pathname)}\` has spaces, percent-encoding or other characters pages cannot be routed under.`,
      "Serve the site under a path of letters, digits, `-`, `_`, `.` and `/` only (e.g. https://acme.github.io/status-page/).",
    );
  }
  return undefined;
}

function checkTimeZone(file: string, timeZone: string): Finding[] {
  if (isTimeZone(timeZone)) return [];
  const suggestion = suggestTimeZone(timeZone);
  return [
    {
      file,
      rule: "config-timezone",
      severity: "error",
      path: ["site", "timezone"],
      message: `\`site.timezone\` \`${timeZone}\` is not an IANA time zone.`,
      hint: `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Use a name from the IANA database such as \`UTC\`, \`Europe/Berlin\` or \`America/New_York\` (https://en.wikipedia.org/wiki/List_of_tz_database_time_zones).`,
    },
  ];
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
