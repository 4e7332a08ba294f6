// The channels of `notifications:` in sitrep.config.yaml, with their defaults applied and their
// secrets looked up in the environment. Pure: config and env in. A channel whose variables are
// missing comes back with a problem instead of throwing, so the other channels still send.
import type { ConfigData } from "../records/record-types.ts";

export type ChannelConfig = NonNullable<ConfigData["notifications"]>[number];
export type ChannelType = ChannelConfig["type"];

export interface Channel {
  name: string;
  type: ChannelType;
  config: ChannelConfig;
  /** The endpoint (HTTP channels) or SMTP URL (email); undefined when the variable is not set. */
  target?: string;
  /** The webhook signing secret, when configured and set. */
  secret?: string;
  timeoutMs: number;
  retries: number;
  /** Why this channel cannot send (a missing variable), with what to do. */
  problem?: { message: string; hint: string };
}

/** Defaults of the schema (schema/config.schema.json), applied in this one place. */
export const CHANNEL_DEFAULTS = { timeout_seconds: 10, retries: 3 } as const;

export function resolveChannels(configs: readonly ChannelConfig[], env: Record<string, string | undefined>): Channel[] {
  const counts = new Map<string, number>();
  return configs.map((config) => {
    const position = (counts.get(config.type) ?? 0) + 1;
    counts.set(config.type, position);
    const name = config.name ?? `${config.type}#${position}`;
    const variable = config.type === "email" ? config.smtp_url_env : config.url_env;
    const channel: Channel = {
      name,
      type: config.type,
      config,
      target: variable ? nonEmpty(env[variable]) : undefined,
      timeoutMs: (config.timeout_seconds ?? CHANNEL_DEFAULTS.timeout_seconds) * 1000,
      retries: config.retries ?? CHANNEL_DEFAULTS.retries,
    };
    const missing: string[] = [];
    if (variable && channel.target === undefined) missing.push(variable);
    if (config.type === "webhook" && config.secret_env) {
      channel.secret = nonEmpty(env[config.secret_env]);
      // A configured but unset secret would send unsigned requests a receiver may accept blindly.
      if (channel.secret === undefined) missing.push(config.secret_env);
    }
    if (missing.length > 0) {
      channel.problem = {
        message: `${name}: the environment variable${missing.length > 1 ? "s" : ""} ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set, so nothing was sent to it.`,
        hint: `Add ${missing.length > 1 ? "them" : "it"} as a repository secret and pass ${missing.length > 1 ? "them" : "it"} to the notify step's env (docs/notifications.md).`,
      };
    }
    return channel;
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
