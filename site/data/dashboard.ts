// The internal dashboard: its numbers (dashboard-data.ts) from the loaded records and their git
// history, and its charts (dashboard-charts.ts) drawn at build time. I/O at this edge only: the
// history is read once per build; without it (no git, a shallow clone) the page says why.
import { deriveEvents } from "../../scripts/history/events.ts";
import { buildHistory, type BuildContext } from "./build-context.ts";
import type { DashboardCharts } from "./dashboard-charts.ts";
import { loadReport, type PersonLoad } from "../../scripts/oncall/load-report.ts";
import { DAY_MS } from "../../scripts/core/time.ts";
import { dashboardData, type DashboardData } from "./dashboard-data.ts";

/** On-call load over the four weeks before the build, from the schedules in oncall/ (the same as `sitrep oncall report`). */
export interface OnCallLoad {
  from: string;
  to: string;
  people: PersonLoad[];
  chart: string;
}

export type Dashboard =
  | { available: true; data: DashboardData; charts: DashboardCharts; onCall?: OnCallLoad }
  | { available: false; reason: string };

const cache = new WeakMap<BuildContext, Promise<Dashboard>>();

export function dashboard(context: BuildContext): Promise<Dashboard> {
  let pending = cache.get(context);
  if (!pending) cache.set(context, (pending = load(context)));
  return pending;
}

async function load(context: BuildContext): Promise<Dashboard> {
  if (context.audience !== "internal") return { available: false, reason: "The dashboard is only in the internal build." };
  let events;
  try {
    events = deriveEvents(await buildHistory(context));
  } catch (error) {
    return {
      available: false,
      reason: `The git history of the records could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const data = dashboardData(context.repository, events, context.now);
  // Loaded here, not at the top: Observable Plot, d3 and linkedom are 319 modules (~0.3 s), and
  // only the internal build draws charts; every public build and `sitrep dev` skipped them (decision 0202).
  const { dashboardCharts, onCallChart } = await import("./dashboard-charts.ts");
  const onCall = context.schedules.length > 0 ? { onCall: onCallLoad(context, onCallChart) } : {};
  return { available: true, data, charts: dashboardCharts(data), ...onCall };
}

function onCallLoad(context: BuildContext, onCallChart: (people: PersonLoad[]) => string): OnCallLoad {
  const to = context.now.getTime();
  const report = loadReport({
    schedules: context.schedules,
    incidents: context.repository.incidents,
    config: context.repository.config,
    from: to - 28 * DAY_MS,
    to,
  });
  return { from: report.from, to: report.to, people: report.people, chart: onCallChart(report.people) };
}
