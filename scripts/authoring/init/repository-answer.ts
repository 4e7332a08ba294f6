// The GitHub repository init writes to `github.repository` (read by sync and publish): checked as
// owner/name, and guessed from the clone's origin remote so a terminal offers it as the default.
import { UsageError } from "../../errors.ts";

const OWNER_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function checkRepository(value: string): string {
  const trimmed = value.trim();
  if (!OWNER_NAME.test(trimmed)) throw new UsageError(`--repository \`${value}\` is not owner/name.`, "e.g. --repository acme/status");
  return trimmed;
}

/**
 * owner/name from a remote URL — https://github.com/acme/status.git, git@github.com:acme/status.git,
 * ssh://git@ghe.acme.com/acme/status — or undefined when it is not a host's owner/name (a local path, a deeper one).
 */
export function repositoryFromRemote(url: string): string | undefined {
  // A host first (scheme://host/ or user@host:): a local path's last two folders are no repository.
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/]+\/|[^@/\s]+@[^:/\s]+:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  if (!match) return undefined;
  const candidate = `${match[1]}/${match[2]}`;
  return OWNER_NAME.test(candidate) ? candidate : undefined;
}
