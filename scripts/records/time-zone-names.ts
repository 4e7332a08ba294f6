// IANA time zone names, as the build accepts them: whatever Intl formats with (canonical names,
// aliases, any case). One place for "is this a zone" and "which zone did you mean", used by
// validate (config-site.ts) and by `sitrep init --timezone` (authoring/init/config-text.ts).
import { closest } from "./closest.ts";

/** Names already asked about: a formatter costs ~0.1 ms, and a process that validates often asks again. */
const known = new Map<string, boolean>();

/** Exactly as written: the build passes the name to Intl untrimmed. */
export function isTimeZone(name: string): boolean {
  // The default zone needs no formatter: the first one loads the time zone data (~15 ms of a
  // validate run that otherwise never formats a time).
  if (name === "UTC") return true;
  let answer = known.get(name);
  if (answer === undefined) known.set(name, (answer = formats(name)));
  return answer;
}

function formats(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone a mistyped name most likely means: a city alone ("Berlin") names its zone; else the closest name. */
export function suggestTimeZone(name: string): string | undefined {
  const value = name.trim();
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone")];
  const city = value.includes("/") ? undefined : zones.find((z) => z.toLowerCase().endsWith(`/${value.toLowerCase().replace(/ /g, "_")}`));
  return city ?? closest(value, zones);
}
