// Every CLI command, lazily imported so `sitrep validate` never loads octokit or Astro.
import type { Command } from "../cli/command.ts";

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command<any>>;
}

export const commands: CommandEntry[] = [
  { name: "validate", summary: "Check every record against the schemas and the cross-record rules.", load: async () => (await import("./validate.ts")).validateCommand },
];
