// SVG status badges in the flat shields.io look ("label | message"), for READMEs and
// dashboards: one for the page, one per component. Accessible (role="img", <title>,
// aria-label), text escaped, colours with at least 4.5:1 contrast against white text.
import type { Repository } from "../records/record-types.ts";
import type { Audience } from "../status/audience.ts";
import { publishedModel } from "../status/published-model.ts";
import { STATUS_LABELS, type ComponentStatus, type Indicator } from "../model/vocabulary.ts";

/** Background colours; each keeps white 11 px text at ≥ 4.5:1 (WCAG AA), checked by a test. */
export const BADGE_COLORS = {
  label: "#555555",
  operational: "#1a7f37",
  under_maintenance: "#0a66c2",
  degraded_performance: "#8a5a00",
  partial_outage: "#b34700",
  major_outage: "#c62828",
} as const satisfies Record<"label" | ComponentStatus, string>;

const INDICATOR_COLORS: Record<Indicator, string> = {
  none: BADGE_COLORS.operational,
  maintenance: BADGE_COLORS.under_maintenance,
  minor: BADGE_COLORS.degraded_performance,
  major: BADGE_COLORS.partial_outage,
  critical: BADGE_COLORS.major_outage,
};

/** "overall.svg" and "components/<component id>.svg". */
export function buildBadges(repository: Repository, options: { audience: Audience; now: Date }): Record<string, string> {
  const { states, overall } = publishedModel(repository, options.audience, options.now);
  const badges: Record<string, string> = {
    "overall.svg": renderBadge("status", overall.description, INDICATOR_COLORS[overall.indicator]),
  };
  for (const state of states) {
    badges[`components/${state.id}.svg`] = renderBadge(state.name, STATUS_LABELS[state.status], BADGE_COLORS[state.status]);
  }
  return badges;
}

/** One flat badge. Widths come from a Verdana 11 px advance table, as shields.io measures. */
export function renderBadge(label: string, message: string, color: string): string {
  const labelWidth = Math.round(textWidth(label)) + 10;
  const messageWidth = Math.round(textWidth(message)) + 10;
  const width = labelWidth + messageWidth;
  const title = escapeXml(`${label}: ${message}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)">`,
    `<rect width="${labelWidth}" height="20" fill="${BADGE_COLORS.label}"/>`,
    `<rect x="${labelWidth}" width="${messageWidth}" height="20" fill="${escapeXml(color)}"/>`,
    `<rect width="${width}" height="20" fill="url(#s)"/>`,
    `</g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" aria-hidden="true">`,
    `<text x="${labelWidth / 2}" y="14">${escapeXml(label)}</text>`,
    `<text x="${labelWidth + messageWidth / 2}" y="14">${escapeXml(message)}</text>`,
    `</g>`,
    `</svg>`,
  ].join("");
}

export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

// Approximate Verdana 11 px advances (px) by character class; close to shields.io's table.
const NARROW = new Set("fijlrtI.,:;'!|()[]{} ");
const WIDE = new Set("mwMW@%");
const CAPITAL = /[A-Z0-9#&]/;

function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (NARROW.has(char)) width += 4;
    else if (WIDE.has(char)) width += 10;
    else if (CAPITAL.test(char)) width += 7.5;
    else width += 6.6;
  }
  return width;
}
