// What earlier attempts of the same workflow run delivered, so a re-run sends what its deploy has
// not sent and nothing twice (decision 0174). The notify job writes one ledger per attempt — every
// (channel, event) it delivered — and uploads it with the run; a re-run of any job downloads the
// earlier attempts' ledgers and passes their folder as `--sent`. The previous-site snapshot of
// the run's first attempt stays the comparison, so a re-run after a failed deploy still finds
// that deploy's updates new. Scoped to one run: nothing outlives it.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ChannelOutcome } from "./send.ts";

/** channel name → event ids delivered to it. */
export type Ledger = Map<string, Set<string>>;

export type LedgerRead = { ok: true; ledger: Ledger; files: number } | { ok: false; reason: string };

/** Every `*.json` ledger in a folder (or one file); a missing folder is an empty ledger (a first attempt). */
export function readLedger(location: string): LedgerRead {
  const ledger: Ledger = new Map();
  if (!existsSync(location)) return { ok: true, ledger, files: 0 };
  const files = statSync(location).isDirectory()
    ? readdirSync(location, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".json"))
        .map((f) => path.join(location, f))
    : [location];
  for (const file of files) {
    let data: { sent?: Record<string, unknown> };
    try {
      data = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      return { ok: false, reason: `${file} is not JSON (${(error as Error).message})` };
    }
    if (typeof data?.sent !== "object" || data.sent === null) return { ok: false, reason: `${file} has no "sent" object` };
    for (const [channel, ids] of Object.entries(data.sent)) {
      if (!Array.isArray(ids)) return { ok: false, reason: `${file}: sent.${channel} is not a list` };
      const known = ledger.get(channel) ?? new Set<string>();
      for (const id of ids) known.add(String(id));
      ledger.set(channel, known);
    }
  }
  return { ok: true, ledger, files: files.length };
}

/** This attempt's deliveries, added to what earlier attempts delivered, as one ledger file. */
export function writeLedger(file: string, earlier: Ledger, outcomes: ChannelOutcome[]): void {
  const sent: Record<string, string[]> = {};
  for (const [channel, ids] of earlier) sent[channel] = [...ids];
  for (const outcome of outcomes) {
    const ids = new Set(sent[outcome.name] ?? []);
    for (const d of outcome.deliveries) if (d.status === "sent") ids.add(d.eventId);
    sent[outcome.name] = [...ids];
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ sent }, null, 2)}\n`);
}
