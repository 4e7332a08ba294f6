// What every command that writes records has in common, so each states only its own: --json
// prints what was written, --help lists the authoring exit codes, prompts show the usage line,
// and presentAuthoring shows the result. (init is apart: its --json also lists what it removed.)
import type { Command, CommandInput, CommandSpec } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import type { AskContext } from "./flags/ask.ts";
import { AUTHORING_EXIT_CODES, presentAuthoring, type AuthoringResult } from "./authoring-result.ts";

export interface AuthoringCommand {
  spec: CommandSpec;
  /** `ask`: whether the command may prompt for what the flags leave out, and the usage to show if not. */
  run(input: CommandInput, ask: AskContext): Promise<AuthoringResult>;
}

export function authoringCommand(command: AuthoringCommand): Command<AuthoringResult> {
  const json = jsonOption("Print what was written as JSON: {path, id, record}.");
  const spec = { ...command.spec, options: { ...command.spec.options, json }, exitCodes: AUTHORING_EXIT_CODES };
  return {
    spec,
    run: (input) => command.run(input, { interactive: input.interactive, usage: spec.usage }),
    present: presentAuthoring,
  };
}
