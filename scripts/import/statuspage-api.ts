// Reads a Statuspage page over HTTP: the public v2 API of a status page URL (the 50 newest
// incidents, the listed maintenances, the components), or the Manage API with a page id and an
// API key (every incident, page by page, with postmortem text; components and groups). I/O.
import { listOf } from "./read-json.ts";
import { getJson, type HttpOptions } from "./http-json.ts";
import type { StatuspageDocuments } from "./statuspage-folder.ts";

export const MANAGE_API_URL = "https://api.statuspage.io/v1";
/** The Manage API's largest page size. */
const PER_PAGE = 100;

export async function readPublicPage(pageUrl: string, http: HttpOptions): Promise<StatuspageDocuments> {
  const base = pageUrl.replace(/\/+$/, "").replace(/\/api\/v2$/, "");
  const get = async (name: string, key: string) =>
    listOf((await getJson(`${base}/api/v2/${name}`, http)).body, key, `${base}/api/v2/${name}`);
  const incidents = await get("incidents.json", "incidents");
  const maintenances = await get("scheduled-maintenances.json", "scheduled_maintenances");
  const components = await get("components.json", "components");
  return { incidents: [...incidents, ...maintenances], components, groups: [] };
}

export async function readManageApi(apiUrl: string, pageId: string, apiKey: string, http: HttpOptions): Promise<StatuspageDocuments> {
  const base = `${apiUrl.replace(/\/+$/, "")}/pages/${encodeURIComponent(pageId)}`;
  const options: HttpOptions = {
    ...http,
    headers: { ...http.headers, authorization: `OAuth ${apiKey}` },
    authHint:
      "Statuspage refused the key: set STATUSPAGE_API_KEY to an API key of a user of this page (Statuspage → your avatar → API info), and check --page-id.",
  };
  const all = async (name: string): Promise<unknown[]> => {
    const items: unknown[] = [];
    for (let page = 1; ; page++) {
      const url = `${base}/${name}?page=${page}&per_page=${PER_PAGE}`;
      const batch = listOf((await getJson(url, options)).body, name.replace(/-/g, "_"), url);
      items.push(...batch);
      if (batch.length < PER_PAGE) return items;
    }
  };
  return { incidents: await all("incidents"), components: await all("components"), groups: await all("component-groups") };
}
