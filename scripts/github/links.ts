// URLs that issue bodies and comments point at. One place, so the site's routes and GitHub's
// URL shapes are changed here only.

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

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** The incident's page on the status site. */
export const incidentPageUrl = (ctx: LinkContext, incidentId: string) => `${trimSlash(ctx.siteUrl)}/incidents/${incidentId}/`;

/** The public postmortem page (only exists for public, published postmortems). */
export const postmortemPageUrl = (ctx: LinkContext, postmortemId: string) => `${trimSlash(ctx.siteUrl)}/postmortems/${postmortemId}/`;

/**
 * The postmortem file on GitHub. `HEAD` resolves to the default branch, so the link (and with it
 * the issue body) stays the same from commit to commit — a body that changed per commit would
 * make every run write.
 */
export const blobUrl = (ctx: LinkContext, filePath: string) => `${ctx.serverUrl}/${ctx.repository}/blob/HEAD/${ctx.pathPrefix}${filePath}`;

export const commitUrl = (ctx: LinkContext, sha: string) => `${ctx.serverUrl}/${ctx.repository}/commit/${sha}`;
