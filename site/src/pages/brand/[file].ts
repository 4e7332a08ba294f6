// The team's logo and favicon (config site.logo, site.favicon), copied from the records
// repository as they are.
import type { APIRoute } from "astro";
import { brandFiles, context } from "../../lib/sitrep.ts";

export function getStaticPaths() {
  return brandFiles(context).map((file) => ({
    params: { file: file.path.slice("brand/".length) },
    props: { body: file.body, contentType: file.contentType },
  }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as Uint8Array<ArrayBuffer>, { headers: { "content-type": props.contentType as string } });
