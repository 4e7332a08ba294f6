// The time a deploy builds at. The site is computed at build time, and an update dated after it
// is left out until it is due; so a runner whose clock is behind the live build would publish a
// site without updates the live one shows — and when the next build brings them back, notify
// would find them new and announce them again. A build therefore never happens before the live
// build it replaces: at now, or at the live build's time when that is later (decision 0173).
// Pure: now and the live build.json's text in.

export interface BuildClock {
  at: Date;
  /** Why not now, when the live build's time was taken instead. */
  note?: string;
}

export function buildClock(now: Date, liveStamp: string | undefined): BuildClock {
  let built = Number.NaN;
  try {
    const data = liveStamp === undefined ? undefined : JSON.parse(liveStamp);
    built = typeof data?.built_at === "string" ? Date.parse(data.built_at) : Number.NaN;
  } catch {
    // No usable stamp (a first deploy, an empty snapshot): build at now.
  }
  if (Number.isNaN(built) || built <= now.getTime()) return { at: now };
  const at = new Date(built);
  return {
    at,
    note: `this runner's clock (${now.toISOString()}) is behind the live build (${at.toISOString()}): building at the live build's time`,
  };
}
