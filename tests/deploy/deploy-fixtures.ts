// What the deploy tests share: the configuration of a small records repository (one SEV1, the
// components asked for) and the reading of a command's `key=value` lines for $GITHUB_OUTPUT.

/** sitrep.config.yaml lines for a site at `url`, optionally in a time zone, with these components (id → name). */
export function deployConfigLines(url: string, components: Record<string, string>, timezone?: string): string[] {
  return [
    "site:",
    "  title: Acme Status",
    `  url: ${url}`,
    ...(timezone ? [`  timezone: ${timezone}`] : []),
    "components:",
    ...Object.entries(components).flatMap(([id, name]) => [`  - id: ${id}`, `    name: ${name}`]),
    "severities:",
    "  - id: SEV1",
    "    name: Critical",
    "    impact: critical",
    "    update_every_minutes: 15",
    "policies:",
    "  postmortem_due_days: 5",
    "  runbook_review_days: 180",
  ];
}

/** `name=value` lines (the $GITHUB_OUTPUT format `--format github` prints) as an object. */
export function githubOutputs(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .trim()
      .split("\n")
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}
