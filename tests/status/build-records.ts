// Small hand-built repositories for the status model and publisher tests: records in memory,
// with the loader's own defaults applied, so every case states only what it is about.
import { applyConfigDefaults, applyIncidentDefaults, applyPostmortemDefaults } from "../../scripts/records/defaults.ts";
import type {
  Config,
  ConfigData,
  IncidentData,
  IncidentRecord,
  PostmortemData,
  PostmortemRecord,
  Repository,
} from "../../scripts/records/record-types.ts";

export function buildConfig(overrides: Partial<ConfigData> = {}): Config {
  return applyConfigDefaults({
    site: { title: "Test Status", url: "https://example.github.io/status/", timezone: "UTC" },
    components: [
      { id: "api", name: "API", group: "Core" },
      { id: "web", name: "Web <App>", group: "Core", description: "The web app & dashboard" },
      { id: "db", name: "Database" },
    ],
    ...overrides,
  } as ConfigData);
}

export function incident(id: string, data: Partial<IncidentData> & Pick<IncidentData, "status">, body = ""): IncidentRecord {
  const full = { title: `Title of ${id}`, ...data } as IncidentData;
  return {
    kind: "incident",
    id,
    source: { path: `incidents/${id}.md`, text: "", frontMatter: "", bodyLine: 1 },
    body,
    raw: full as unknown as Record<string, unknown>,
    data: applyIncidentDefaults(full),
  };
}

export function postmortem(id: string, data: PostmortemData, config: Config, body = ""): PostmortemRecord {
  return {
    kind: "postmortem",
    id,
    source: { path: `postmortems/${id}.md`, text: "", frontMatter: "", bodyLine: 1 },
    body,
    raw: data as unknown as Record<string, unknown>,
    data: applyPostmortemDefaults(data, config, undefined, new Date("2026-01-01T00:00:00Z")),
  };
}

export function buildRepository(
  incidents: IncidentRecord[],
  options: { config?: Config; postmortems?: PostmortemRecord[] } = {},
): Repository {
  return { root: "/tmp/none", config: options.config ?? buildConfig(), incidents, postmortems: options.postmortems ?? [], runbooks: [] };
}

/** Ms since the epoch, for terse expectations. */
export const ms = (time: string): number => Date.parse(time);
