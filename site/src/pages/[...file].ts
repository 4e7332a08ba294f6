// Every machine-readable file from the publishers (scripts/publish): /api/v2/*.json,
// history.rss, history.atom, maintenance.ics and badges/*.svg, written as-is at build time.
import type { APIRoute } from "astro";
import { context, publishedFiles } from "../lib/sitrep.ts";

export function getStaticPaths() {
  return publishedFiles(context).map((file) => ({
    params: { file: file.path },
    props: { body: file.body, contentType: file.contentType },
  }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as string, { headers: { "content-type": `${props.contentType as string}; charset=utf-8` } });
