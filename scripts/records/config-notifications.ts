// Checks of `notifications:` that the schema cannot express: filters name severities and
// components that exist, severities that share an impact (the public site cannot tell them
// apart), and fields that belong to another channel type. `sitrep validate` runs these, through
// load-config.ts: they check the config file, so they live with the other config checks.
import type { Config } from "./record-types.ts";
import type { Finding } from "./finding.ts";
import { closest } from "./closest.ts";

const ONLY_FOR: Record<string, readonly string[]> = {
  url_env: ["webhook", "slack", "teams", "discord"],
  secret_env: ["webhook"],
  smtp_url_env: ["email"],
  to: ["email"],
  from: ["email"],
  unsubscribe_url: ["email"],
};

export function checkNotifications(file: string, config: Config): Finding[] {
  const findings: Finding[] = [];
  const severityIds = config.severities.map((s) => s.id);
  const componentIds = config.components.map((c) => c.id);
  config.notifications.forEach((channel, i) => {
    const at = ["notifications", i];
    for (const [field, types] of Object.entries(ONLY_FOR)) {
      if (field in channel && !types.includes(channel.type)) {
        findings.push({
          file,
          rule: "notification-field-type",
          severity: "error",
          path: [...at, field],
          at: "key",
          message: `notifications[${i}] is a ${channel.type} channel; \`${field}\` is only for ${types.join(", ")}.`,
          hint: `Remove \`${field}\`, or change \`type\`.`,
        });
      }
    }
    findings.push(
      ...unknownIds(file, i, "severities", channel.severities, severityIds, { rule: "notification-unknown-severity", noun: "severity" }),
    );
    findings.push(
      ...unknownIds(file, i, "components", channel.components, componentIds, { rule: "notification-unknown-component", noun: "component" }),
    );
    if (channel.severities) {
      const wanted = new Set(channel.severities);
      const leaks = config.severities.filter(
        (s) => !wanted.has(s.id) && channel.severities!.some((id) => config.severities.find((t) => t.id === id)?.impact === s.impact),
      );
      if (leaks.length > 0) {
        findings.push({
          file,
          rule: "notification-severity-impact",
          severity: "warning",
          path: [...at, "severities"],
          message: `notifications[${i}].severities will also match ${leaks.map((s) => s.id).join(", ")}: they share an impact with a listed severity.`,
          hint: "The public site carries an incident's impact, not its severity, so severities are matched by impact. Give each severity its own impact, or list them too.",
        });
      }
    }
  });
  return findings;
}

function unknownIds(
  file: string,
  i: number,
  field: "severities" | "components",
  listed: readonly string[] | undefined,
  known: string[],
  kind: { rule: string; noun: string },
): Finding[] {
  const { rule, noun } = kind;
  return (listed ?? []).flatMap((id, j) => {
    if (known.includes(id)) return [];
    const suggestion = closest(id, known);
    return [
      {
        file,
        rule,
        severity: "error" as const,
        path: ["notifications", i, field, j],
        message: `notifications[${i}].${field} names \`${id}\`, which is not a ${noun} in this configuration.`,
        hint: `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}${field[0].toUpperCase()}${field.slice(1)}: ${known.join(", ")}.`,
      },
    ];
  });
}
