// The internal dashboard: its numbers (dashboard-data.ts) from the loaded records and their git
// history, and its charts (dashboard-charts.ts) drawn at build time. I/O at this edge only: the
// history is read once per build; without it (no git, a shallow clone) the page says why.
import { deriveEvents } from "../../scripts/history/events.ts";
import { buildHistory, type BuildContext } from "./build-context.ts";
import { dashboardCharts, type DashboardCharts } from "./dashboard-charts.ts";
import { dashboardData, type DashboardData } from "./dashboard-data.ts";

export type Dashboard =
  | { available: true; data: DashboardData; charts: DashboardCharts }
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
    return { available: false, reason: `The git history of the records could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const data = dashboardData(context.repository, events, context.now);
  return { available: true, data, charts: dashboardCharts(data) };
}
