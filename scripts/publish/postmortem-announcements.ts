// Feed entries that announce a postmortem's publication: readers who followed an incident in
// their feed reader learn when the write-up with "what we're changing" is out. One entry per
// postmortem visible to the audience and published by `now`, dated at its published_at.
import type { PostmortemRecord, Repository } from "../records/record-types.ts";
import type { Audience } from "../status/audience.ts";
import { publishedModel, type PublishedModel } from "../status/published-model.ts";
import { toMillis } from "../core/time.ts";
import { postmortemUrl } from "./site-url.ts";

export interface PostmortemAnnouncement {
  postmortem: PostmortemRecord;
  at: number;
  link: string;
  /** Plain text, e.g. "Postmortem published: Elevated checkout errors". */
  title: string;
  /** Plain text. */
  summary: string;
}

const cache = new WeakMap<PublishedModel, readonly PostmortemAnnouncement[]>();

/** Made once per published model: the site feed and every component's feed read the same list. */
export function postmortemAnnouncements(
  repository: Repository,
  options: { audience: Audience; now: Date },
): readonly PostmortemAnnouncement[] {
  const model = publishedModel(repository, options.audience, options.now);
  let announcements = cache.get(model);
  if (announcements === undefined) cache.set(model, (announcements = announce(repository, model, options.now)));
  return announcements;
}

function announce(repository: Repository, model: PublishedModel, now: Date): PostmortemAnnouncement[] {
  const titles = new Map(model.incidents.map((i) => [i.id, i.data.title]));
  const announcements: PostmortemAnnouncement[] = [];
  for (const postmortem of model.postmortems) {
    const at = postmortem.data.status === "published" ? toMillis(postmortem.data.published_at) : undefined;
    if (at === undefined || at > now.getTime()) continue;
    const incidentTitle = titles.get(postmortem.data.incident) ?? postmortem.data.incident;
    const changes = postmortem.data.action_items.length;
    announcements.push({
      postmortem,
      at,
      link: postmortemUrl(repository.config, postmortem.id),
      title: `Postmortem published: ${incidentTitle}`,
      summary: `We have published the postmortem of “${incidentTitle}”: what happened, why, and ${changes === 1 ? "the change" : `the ${changes} changes`} we are making.`,
    });
  }
  return announcements;
}
