// Help text for a command, generated from its spec.
import type { CommandSpec } from "./command.ts";

export function formatCommandHelp(spec: CommandSpec): string {
  const lines = [`${spec.summary}`, "", `Usage: ${spec.usage}`];
  if (spec.description) lines.push("", spec.description);
  const options = Object.entries(spec.options);
  if (options.length > 0) {
    lines.push("", "Options:");
    const rows = options.map(([name, o]) => [
      `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` <${o.valueName ?? "value"}>` : ""}`,
      `${o.description}${o.multiple ? " (repeatable)" : ""}`,
    ]);
    rows.push(["-h, --help", "Show this help."]);
    const width = Math.max(...rows.map(([flag]) => flag.length));
    for (const [flag, description] of rows) lines.push(`  ${flag.padEnd(width)}  ${description}`);
  }
  if (spec.exitCodes) lines.push("", `Exit codes: ${spec.exitCodes}`);
  if (spec.examples.length > 0) {
    lines.push("", "Examples:");
    for (const example of spec.examples) lines.push(`  ${example}`);
  }
  return lines.join("\n");
}
