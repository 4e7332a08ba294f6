// The module map of docs/architecture.md, as rules dependency-cruiser checks on every import
// (type-only imports included: a type is knowledge of the layer too). tests/architecture/
// module-map.unit.test.ts runs it over scripts/ and site/, and fails with the rule a wrong import
// breaks; `npx depcruise scripts site/data site/src site/astro.config.ts` prints the same report by hand.
// Decision: docs/decisions/0101-module-map-enforced-by-dependency-cruiser.md.
//
// Each folder of scripts/ may import itself, the core (scripts/errors.ts, scripts/core/) and the
// folders listed in LAYERS; nothing else. One rule per folder, named after what it allows, so a
// failure says which direction was crossed. A folder that is not in LAYERS fails
// `folder-not-on-map`: put it on the map (here and in docs/architecture.md) first.

/** Path patterns of each folder (relative to the repository root). */
const PATHS = {
  // typescript-in-package.mjs: the load hook that lets Node strip types under node_modules,
  // for the launcher; it imports only Node.
  core: "^scripts/(errors\\.ts$|typescript-in-package\\.mjs$|core/)",
  records: "^scripts/records/",
  model: "^scripts/model/",
  validate: "^scripts/validate/",
  history: "^scripts/history/",
  status: "^scripts/status/",
  publish: "^scripts/publish/",
  metrics: "^scripts/metrics/",
  github: "^scripts/github/",
  notify: "^scripts/notify/",
  deploy: "^scripts/deploy/",
  authoring: "^scripts/authoring/",
  migrate: "^scripts/migrate/",
  import: "^scripts/import/",
  oncall: "^scripts/oncall/",
  merge: "^scripts/merge/",
  "pull-request": "^scripts/pull-request/",
  package: "^scripts/package/",
  cli: "^scripts/(cli\\.ts$|cli/|sitrep\\.mjs$)",
  commands: "^scripts/commands/",
  "site-data": "^site/data/",
  "site-src": "^site/src/",
  // The Astro config: it loads the data layer natively (a type-only import here).
  "site-config": "^site/astro\\.config\\.ts$",
};

const MIDDLE = ["validate", "history", "status", "publish", "metrics", "github", "notify", "deploy", "model", "records"];

/** Which folders each folder may import, besides itself and the core (which every folder may). */
const LAYERS = {
  core: [],
  records: [],
  model: ["records"],
  // Validate reads and checks the on-call schedules beside the records, and renders every text
  // as the publishers will (publish/markdown.ts), to report what would not render.
  validate: ["oncall", "publish", "model", "records"],
  history: ["validate", "records"],
  status: ["model", "records"],
  publish: ["status", "model", "records"],
  metrics: ["oncall", "history", "validate", "model", "records"],
  github: ["publish", "status", "validate", "model", "records"],
  notify: ["publish", "status", "model", "records"],
  // The unreadable-stamp alert opens and closes one issue through the GitHub issues API.
  deploy: ["github", "publish", "status", "model", "records"],
  // What the commands that write records share: flag types and choices come from cli/.
  authoring: ["cli", "validate", "model", "records"],
  // `sitrep migrate`'s format steps: text edits of record files (authoring's file changes).
  migrate: ["authoring", "records"],
  // Importers turn another tool's history into records; Upptime's issues come through the octokit factory.
  import: ["authoring", "github", "model", "records"],
  // On-call schedules: facts from the records and the model (validate and metrics read them).
  oncall: ["model", "records"],
  // The git merge driver for record files: authoring's minimal front-matter edits.
  merge: ["authoring", "model", "records"],
  // `sitrep publish` and `update-branch`: commit titles from authoring, the pull request through the
  // octokit factory, the merged branch checked by validate before it is pushed.
  "pull-request": ["authoring", "github", "validate", "records"],
  // Packaging, init, upgrade and `sitrep build`: anything below the commands, and the CLI's
  // command types (init asks through the same prompts).
  package: [...MIDDLE, "authoring", "migrate", "cli"],
  cli: [...MIDDLE, "authoring", "migrate", "import", "oncall", "merge", "pull-request", "package", "commands"],
  commands: [...MIDDLE, "authoring", "migrate", "import", "oncall", "merge", "pull-request", "package", "cli"],
  // The site reads records only through scripts/, and never the CLI, a command or an API client.
  // deploy: when the next build is due (the page's freshness).
  "site-data": ["metrics", "history", "publish", "status", "deploy", "oncall", "validate", "model", "records"],
  "site-src": ["site-data"],
  "site-config": ["site-data"],
};

const COMMENT = "docs/architecture.md, Module map: move what both sides need down a layer, or call it from a higher one.";

const layerRules = Object.entries(LAYERS).map(([folder, may]) => ({
  name: may.length === 0 ? `${folder}-imports-only-core` : `${folder}-imports-only-${may.join("-")}-core`,
  comment: `${folder} may import ${[...may, "core"].join(", ")}. ${COMMENT}`,
  severity: "error",
  from: { path: PATHS[folder] },
  to: { path: "^(scripts|site)/", pathNot: [PATHS[folder], PATHS.core, ...may.map((m) => PATHS[m])] },
}));

const known = Object.values(PATHS)
  .map((p) => `(${p.slice(1)})`)
  .join("|");

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "nothing-imports-a-command",
      comment: "Commands are the top: only the CLI (scripts/cli.ts, through commands/registry.ts) and commands/ load them.",
      severity: "error",
      from: { pathNot: "^scripts/(cli\\.ts$|commands/)" },
      to: { path: PATHS.commands },
    },
    {
      name: "folder-not-on-map",
      comment:
        "Every module of scripts/ and site/ belongs to a folder of the module map (LAYERS in .dependency-cruiser.cjs, docs/architecture.md).",
      severity: "error",
      from: { path: "^(scripts|site)/", pathNot: `^(${known})` },
      to: {},
    },
    {
      name: "no-astro-config-entry",
      comment:
        "`astro/config` loads svgo and csso (260 modules) into every build and dev start: type the config with `satisfies AstroUserConfig` from `astro` (docs/decisions/0201-site-config-without-astro-config-import.md).",
      severity: "error",
      from: { path: "^(scripts|site)/" },
      // Matched unresolved too: the resolver leaves a package's subpath export as written.
      to: { path: "^astro/config$|node_modules/astro/dist/config/entrypoint" },
    },
    {
      name: "chart-libraries-load-on-use",
      comment:
        "dashboard-charts.ts brings Observable Plot, d3 and linkedom (319 modules): import it with `await import()` where charts are drawn, so a public build never loads them (docs/decisions/0202-dashboard-charts-loaded-on-use.md).",
      severity: "error",
      from: {},
      to: { path: "^site/data/dashboard-charts\\.ts$", dependencyTypesNot: ["dynamic-import", "type-only"] },
    },
    {
      name: "no-circular",
      comment: "An import cycle: move what both modules need into a third one that both import.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports count (`import type`): TypeScript erases them, the map does not.
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules|\\.d\\.ts$" },
  },
};
