// Components as pages show them: current status, 90-day bars with uptime, and every record that
// affected the component. The bars come from the model's impact windows (scripts/status).
import { dailyImpact, type DayImpact } from "../../../scripts/status/daily-impact.ts";
import { formatUptime, uptimePercent } from "../../../scripts/status/uptime.ts";
import { formatDuration } from "../../../scripts/model/duration.ts";
import { STATUS_LABELS, type ComponentStatus, type ImpactStatus } from "../../../scripts/model/vocabulary.ts";
import { byStartDescending } from "../../../scripts/status/current-status.ts";
import { factsConcerning } from "../../../scripts/status/facts-by-component.ts";
import type { BuildContext } from "../build-context.ts";
import { derive, perBuild, type Derived } from "./derive.ts";
import { summarize, type IncidentSummary } from "./incident-view.ts";

export const BAR_DAYS = 90;
/** Days drawn on narrow screens (≤ 40rem); the label and the uptime beside them say the same (site/data/bars.ts). */
export const RECENT_DAYS = 30;

export interface DayView {
  date: string;
  status: ComponentStatus;
  /** Whole minutes per impact, only impacts that happened. */
  minutes: { status: ImpactStatus; label: string; minutes: number }[];
  incidents: { id: string; title: string }[];
}

export interface ComponentView {
  id: string;
  name: string;
  group: string;
  description: string | undefined;
  status: ComponentStatus;
  statusLabel: string;
  uptime: string;
  /** Uptime over the last RECENT_DAYS days, shown beside the bars on narrow screens. */
  recentUptime: string;
  days: DayView[];
  /** One sentence summarising the bars, for screen readers and as the bars' text alternative. */
  barsSummary: string;
  activeIncidentIds: string[];
}

/** Every configured component's view, in config order; made once per build. */
export function componentViews(context: BuildContext): Map<string, ComponentView> {
  return componentCache(derive(context));
}

const componentCache = perBuild(({ model, context }: Derived): Map<string, ComponentView> => {
  const { now, timeZone } = context;
  const titles = new Map(model.incidents.map((i) => [i.id, i.data.title]));
  // Only windows that reach into the bar period matter for the bars.
  const barStart = now.getTime() - (BAR_DAYS + 2) * 86_400_000;
  const recentWindows = model.facts.flatMap((f) => f.windows).filter((w) => w.end === null || w.end > barStart);
  const components = new Map<string, ComponentView>();
  for (const state of model.states) {
    const days = dailyImpact(state.id, recentWindows, now, { days: BAR_DAYS, timeZone });
    const uptime = formatUptime(uptimePercent(days, now));
    const dayViews = days.map((day) => dayView(day, titles));
    components.set(state.id, {
      id: state.id,
      name: state.name,
      group: state.group ?? "Components",
      description: state.description,
      status: state.status,
      statusLabel: STATUS_LABELS[state.status],
      uptime,
      recentUptime: formatUptime(uptimePercent(days.slice(-RECENT_DAYS), now)),
      days: dayViews,
      barsSummary: barsSummary(state.name, uptime, dayViews),
      activeIncidentIds: state.incidentIds,
    });
  }
  return components;
});

function dayView(day: DayImpact, titles: Map<string, string>): DayView {
  const minutes = (Object.entries(day.minutes) as [ImpactStatus, number][])
    .filter(([, m]) => m > 0)
    .map(([status, m]) => ({ status, label: STATUS_LABELS[status], minutes: Math.max(1, Math.round(m)) }));
  return {
    date: day.date,
    status: day.status,
    minutes,
    incidents: day.incidentIds.map((id) => ({ id, title: titles.get(id) ?? id })),
  };
}

const DAY_LABEL = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

function barsSummary(name: string, uptime: string, days: DayView[]): string {
  const impacted = days.filter((d) => d.status !== "operational");
  const head = `${name}, last ${days.length} days: ${uptime} % uptime`;
  if (impacted.length === 0) return `${head}, no impact on any day.`;
  const list = impacted.map(
    (d) =>
      `${DAY_LABEL.format(new Date(`${d.date}T12:00:00Z`))}: ${d.minutes.map((m) => `${m.label.toLowerCase()} ${formatDuration(m.minutes)}`).join(", ")}`,
  );
  return `${head}; ${impacted.length} day${impacted.length === 1 ? "" : "s"} with impact: ${list.join("; ")}.`;
}

export function componentIds(context: BuildContext): string[] {
  return context.repository.config.components.map((c) => c.id);
}

export interface ComponentPageView {
  component: ComponentView;
  /** Every record that affected the component, newest first. */
  history: IncidentSummary[];
}

export function componentView(context: BuildContext, id: string): ComponentPageView {
  const component = componentViews(context).get(id);
  if (!component) throw new Error(`No component ${id} in the config.`);
  const derived = derive(context);
  // Indexed once per build (scripts/status/facts-by-component.ts), not scanned per page.
  const history = factsConcerning(derived.model, id)
    .slice()
    .sort(byStartDescending)
    .map((f) => summarize(f, derived));
  return { component, history };
}
