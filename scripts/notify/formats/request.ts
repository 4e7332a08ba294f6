// What a formatter hands to delivery: HTTP bodies (already serialised) or an email.

export interface HttpRequest {
  /** A label for the report, e.g. "incident" or "component_update checkout-api". */
  label: string;
  body: string;
  headers: Record<string, string>;
  /**
   * Headers that depend on when the attempt is made (a signed webhook's timestamp and signature),
   * added by delivery at each attempt. A function, so it never shows in a printed plan.
   */
  stamp?: (unixSeconds: number) => Record<string, string>;
}

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Cuts text to `max` characters on a word boundary, with an ellipsis (chat APIs reject longer fields). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

export const json = (value: unknown): string => JSON.stringify(value);
