// What a GitHub Actions runner would execute from a log: a small model of actions/runner's
// ActionCommandManager (lines are split on CR and LF; a line is a command when, after leading
// blanks, it starts with `::name` or the legacy `##[name`; `::stop-commands::<token>` ignores
// every command until the line `::<token>::`).
export interface RunnerCommand {
  name: string;
  line: string;
}

export function commandsRunnerWouldRun(log: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const raw of log.split(/\r\n|\r|\n/)) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const v2 = /^::([A-Za-z-]+)[ :]/.exec(line);
    const legacy = /^##\[([A-Za-z-]+)[ \]]/.exec(line);
    const name = v2?.[1] ?? legacy?.[1];
    if (!name) continue;
    commands.push({ name, line });
    if (name === "stop-commands") stopToken = line.slice("::stop-commands::".length);
  }
  return commands;
}
