// Every machine-readable file from the publishers (scripts/publish): /api/v2/*.json,
// history.rss, history.atom, maintenance.ics and badges/*.svg, written as-is at build time. During
// a build they are made on a second thread (site/data/published-off-thread.ts) and come as bytes.
import type { APIRoute } from "astro";
import { context, placedFiles } from "../lib/sitrep.ts";

export async function getStaticPaths() {
  return (await placedFiles(context)).map((file) => ({
    params: { file: file.path },
    props: { body: file.body, contentType: file.contentType },
  }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as string | Uint8Array<ArrayBuffer>, {
    headers: { "content-type": `${props.contentType as string}; charset=utf-8` },
  });
