// The Subscribe page as data: every way to follow the status without a server of our own: the
// site's feeds and calendar, each component's own, the JSON API, how to follow in Slack, Teams
// and Discord, and an email sign-up form when an email channel in the config names one.
// Links are paths inside the site (pages pass them to href()); what a reader pastes into a feed
// reader, a calendar app or a chat command is also given as an absolute URL.
import { componentFilePaths, PUBLISHED_PATHS, siteUrl } from "../../../scripts/publish/site-url.ts";
import type { BuildContext } from "../build-context.ts";

export interface FeedLinks {
  rss: string;
  atom: string;
  calendar: string;
}

export interface SubscribeView {
  /** Paths inside the site. */
  site: FeedLinks;
  /** The same, absolute. */
  siteUrls: FeedLinks;
  /** webcal:// form of the site calendar: calendar apps subscribe instead of importing once. */
  webcal: string;
  /** Paths inside the site. */
  components: ({ id: string; name: string; group: string | undefined } & FeedLinks)[];
  /** Paths inside the site. */
  api: { label: string; path: string }[];
  /** From the first email channel with a sign-up form (notifications[].signup_url). */
  emailSignup: string | undefined;
}

export function subscribeView(context: BuildContext): SubscribeView {
  const { config } = context.repository;
  const absolute = (paths: FeedLinks): FeedLinks => ({
    rss: siteUrl(config, paths.rss),
    atom: siteUrl(config, paths.atom),
    calendar: siteUrl(config, paths.calendar),
  });
  const site = { rss: PUBLISHED_PATHS.rss, atom: PUBLISHED_PATHS.atom, calendar: PUBLISHED_PATHS.calendar };
  const siteUrls = absolute(site);
  return {
    site,
    siteUrls,
    webcal: siteUrls.calendar.replace(/^https?:/, "webcal:"),
    components: config.components.map((c) => ({ id: c.id, name: c.name, group: c.group, ...componentFilePaths(c.id) })),
    api: [
      { label: "Summary (status, components, open incidents, maintenance)", path: `${PUBLISHED_PATHS.api}summary.json` },
      { label: "Overall status", path: `${PUBLISHED_PATHS.api}status.json` },
      { label: "Unresolved incidents", path: `${PUBLISHED_PATHS.api}incidents/unresolved.json` },
      { label: "Upcoming maintenance", path: `${PUBLISHED_PATHS.api}scheduled-maintenances/upcoming.json` },
    ],
    emailSignup: config.notifications.find((n) => n.type === "email" && n.signup_url)?.signup_url,
  };
}
