// Maintenance cancellations, read from the public Atom feed (decision 0115). The Statuspage v2 API
// has no cancelled status (a cancelled window is `completed` there, and its objects take no field
// Statuspage does not have), so the site's feed marks the cancelling update's entry with the
// category `cancelled`, beside `maintenance`. Pure: Atom text in, entries out.
import { DOMParser } from "linkedom";

export interface Cancellation {
  /** The maintenance's page (the entry's link without its #update anchor): the API's `shortlink`. */
  page: string;
  /** Ms since the epoch: when the cancelling update was posted (its entry's `published`). */
  at: number;
}

export function cancellationEntries(atom: string): Cancellation[] {
  let document;
  try {
    document = new DOMParser().parseFromString(atom, "text/xml");
  } catch {
    return [];
  }
  const found: Cancellation[] = [];
  for (const entry of document.querySelectorAll("entry")) {
    const terms = [...entry.querySelectorAll("category")].map((c) => c.getAttribute("term"));
    if (!terms.includes("cancelled") || !terms.includes("maintenance")) continue;
    const link = entry.querySelector("link")?.getAttribute("href") ?? "";
    const at = Date.parse((entry.querySelector("published") ?? entry.querySelector("updated"))?.textContent?.trim() ?? "");
    if (link !== "" && !Number.isNaN(at)) found.push({ page: link.replace(/#.*$/, ""), at });
  }
  return found;
}
