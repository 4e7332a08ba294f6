// A maintenance window from --start and --end (or asked for on a terminal): typed times read in
// the site's zone, the end checked against the start as it is typed. `sitrep maintenance` and
// `sitrep reschedule` ask the same two questions; each then says what else a window of its own
// must be (not over yet; still to come).
import { UsageError } from "../../errors.ts";
import { type AskContext, askText, problemWith } from "./ask.ts";
import { parseTimeInput } from "./time-input.ts";

export interface WindowQuestions {
  /** "Start of the window" or "New start of the window". */
  startMessage: string;
  endMessage: string;
  /** An example day for the placeholders, e.g. `2026-12-01`. */
  exampleDay: string;
  /** Extra checks of the end as it is typed (the start is known by then). */
  checkEnd?: (end: string, start: string) => void;
}

/** The window as RFC 3339 UTC times, its end after its start; a UsageError that names the flag otherwise. */
export async function askWindow(
  flags: { start: string | undefined; end: string | undefined },
  context: { now: Date; zone: string; ask: AskContext },
  questions: WindowQuestions,
): Promise<{ start: string; end: string }> {
  const { now, zone, ask } = context;
  const start = parseTimeInput(
    await askText(flags.start, "start", ask, {
      message: `${questions.startMessage} (e.g. \`tomorrow 01:00\` in ${zone}, +2d, or RFC 3339 with an offset)`,
      placeholder: `e.g. ${questions.exampleDay}T01:00:00Z`,
      validate: problemWith((v) => parseTimeInput(v, now, "--start", zone)),
    }),
    now,
    "--start",
    zone,
  );
  const end = parseTimeInput(
    await askText(flags.end, "end", ask, {
      message: questions.endMessage,
      placeholder: `e.g. ${questions.exampleDay}T03:00:00Z`,
      validate: problemWith((v) => {
        const time = parseTimeInput(v, now, "--end", zone);
        if (Date.parse(time) <= Date.parse(start)) throw new UsageError(`--end: ${time} is not after the start (${start}).`);
        questions.checkEnd?.(time, start);
      }),
    }),
    now,
    "--end",
    zone,
  );
  if (Date.parse(end) <= Date.parse(start))
    throw new UsageError(`--end (${end}) is not after --start (${start}).`, "Check the times and their offsets.");
  return { start, end };
}
