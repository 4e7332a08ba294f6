// The team's branding as the pages use it (config `site`: logo, favicon, brand colour, links,
// footer, announcement): hrefs under the base path, the theme CSS, and the image files to publish
// under /brand/. Validated in scripts/records/config-branding.ts before the build gets here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { brandColors } from "../../scripts/records/config-branding.ts";
import type { BuildContext } from "./build-context.ts";

export interface BrandFile {
  /** Path from the site root: brand/<name>. */
  path: string;
  contentType: string;
  body: Uint8Array;
}

export interface BrandingView {
  title: string;
  logo?: { href: string };
  favicon: { href: string; type: string };
  /** CSS custom properties for the brand colour in both themes, or undefined for sitrep's colours. */
  themeCss?: string;
  homepage?: string;
  support?: string;
  privacy?: string;
  footer?: string;
  announcement?: { text: string; url?: string };
}

const CONTENT_TYPES: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

const files = new WeakMap<BuildContext, BrandFile[]>();
const views = new WeakMap<BuildContext, BrandingView>();

/** The logo and favicon the config names, as files to publish; read once per build. */
export function brandFiles(context: BuildContext): BrandFile[] {
  let cached = files.get(context);
  if (!cached) files.set(context, (cached = readBrandFiles(context)));
  return cached;
}

function readBrandFiles(context: BuildContext): BrandFile[] {
  const site = context.repository.config.site;
  return (["logo", "favicon"] as const).flatMap((key) => {
    const file = site[key];
    if (!file) return [];
    const extension = path.extname(file).toLowerCase();
    return [
      {
        path: `brand/${key}${extension}`,
        contentType: CONTENT_TYPES[extension] ?? "application/octet-stream",
        body: readFileSync(path.resolve(context.repository.root, file)),
      },
    ];
  });
}

/** What every page's head, header and footer show of the branding; computed once per build. */
export function brandingView(context: BuildContext, href: (p: string) => string): BrandingView {
  let view = views.get(context);
  if (!view) views.set(context, (view = makeBrandingView(context, href)));
  return view;
}

function makeBrandingView(context: BuildContext, href: (p: string) => string): BrandingView {
  const site = context.repository.config.site;
  const byName = new Map(brandFiles(context).map((f) => [f.path.split("/")[1].split(".")[0], f]));
  const logo = byName.get("logo");
  const favicon = byName.get("favicon");
  const colors = brandColors(site.brand_color);
  return {
    title: site.title,
    ...(logo ? { logo: { href: href(logo.path) } } : {}),
    favicon: favicon ? { href: href(favicon.path), type: favicon.contentType } : { href: href("favicon.svg"), type: "image/svg+xml" },
    ...(colors
      ? {
          themeCss: `:root{--brand:${colors.light};--link:${colors.light};--focus:${colors.light}}@media (prefers-color-scheme: dark){:root{--brand:${colors.dark};--link:${colors.dark};--focus:${colors.dark}}}`,
        }
      : {}),
    ...(site.links?.homepage ? { homepage: site.links.homepage } : {}),
    ...(site.links?.support ? { support: site.links.support } : {}),
    ...(site.links?.privacy ? { privacy: site.links.privacy } : {}),
    ...(site.footer ? { footer: site.footer } : {}),
    ...(site.announcement ? { announcement: site.announcement } : {}),
  };
}
