// Who sitrep knows as a person: the configuration's `oncall.people`, and every handle the
// records name (incident roles, postmortem authors, action-item owners, runbook owners). A
// schedule member outside this set is most likely a typo.
import type { Config, Repository } from "../records/record-types.ts";

export function knownPeople(config: Config, repository: Pick<Repository, "incidents" | "postmortems" | "runbooks">): Set<string> {
  const people = new Set<string>(config.oncall.people);
  for (const { data } of repository.incidents) {
    for (const handle of Object.values(data.roles ?? {})) if (handle) people.add(handle);
  }
  for (const { data } of repository.postmortems) {
    for (const author of data.authors ?? []) people.add(author);
    for (const item of data.action_items) if (item.owner) people.add(item.owner);
  }
  for (const { data } of repository.runbooks) if (data.owner) people.add(data.owner);
  return people;
}
