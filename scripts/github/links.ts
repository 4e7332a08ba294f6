// URLs that issue bodies and comments point at. Site routes come from the site's own helpers
// (scripts/publish/site-url.ts), so an issue never links to a page the site does not build.
import { incidentPath, postmortemPath } from "../publish/site-url.ts";

export interface LinkContext {
  /** config.site.url: the public status site. */
  siteUrl: string;
  /** https://github.com (GITHUB_SERVER_URL) */
  serverUrl: string;
  /** owner/name */
  repository: string;
  /** Path of the records root inside the git repository ("" or "records/"), forward slashes. */
  pathPrefix: string;
}

/** Joined, not resolved from "/": a site URL may carry a path (https://owner.github.io/status/). */
const onSite = (ctx: LinkContext, path: string) => `${ctx.siteUrl.replace(/\/+$/, "")}/${path}`;

/** The incident's page on the status site. */
export const incidentPageUrl = (ctx: LinkContext, incidentId: string) => onSite(ctx, incidentPath(incidentId));

/** The public postmortem page (only exists for public, published postmortems). */
export const postmortemPageUrl = (ctx: LinkContext, postmortemId: string) => onSite(ctx, postmortemPath(postmortemId));

/**
 * The postmortem file on GitHub. `HEAD` resolves to the default branch, so the link (and with it
 * the issue body) stays the same from commit to commit — a body that changed per commit would
 * make every run write.
 */
export const blobUrl = (ctx: LinkContext, filePath: string) => `${ctx.serverUrl}/${ctx.repository}/blob/HEAD/${ctx.pathPrefix}${filePath}`;

export const commitUrl = (ctx: LinkContext, sha: string) => `${ctx.serverUrl}/${ctx.repository}/commit/${sha}`;
