// Checks of the branding in `site` that the schema cannot express: a brand colour readable on
// both themes' backgrounds, logo and favicon files that exist in the repository and are images
// of a sensible size, override components that exist. A branding mistake found here is one the
// build would otherwise publish (unreadable links) or fail on (a missing file).
import { lstatSync } from "node:fs";
import path from "node:path";
import type { Config } from "./record-types.ts";
import type { Finding } from "./finding.ts";
import { contrastRatio } from "./contrast.ts";

/** The themes' page backgrounds (site/src/styles/site.css `--bg`). */
export const THEME_BACKGROUNDS = { light: "#ffffff", dark: "#0d1117" } as const;
/** WCAG AA for normal text: links are text. */
export const MIN_CONTRAST = 4.5;
const MAX_BRAND_FILE_BYTES = 512 * 1024;
const IMAGE_TYPES: Record<"logo" | "favicon", string[]> = { logo: [".svg", ".png", ".webp"], favicon: [".svg", ".png", ".ico"] };

export function checkBranding(root: string, file: string, config: Config): Finding[] {
  const site = config.site;
  return [
    ...checkBrandColor(file, site.brand_color),
    ...(["logo", "favicon"] as const).flatMap((key) => (site[key] ? checkBrandFile(root, file, key, site[key]) : [])),
    ...Object.entries(site.overrides ?? {}).flatMap(([name, component]) => checkOverride(root, file, name, component)),
  ];
}

/** The repository files the config's branding names (logo, favicon, overrides), paths from the root. */
export function brandingFiles(config: Config | undefined): string[] {
  const site = config?.site;
  if (!site) return [];
  return [site.logo, site.favicon, ...Object.values(site.overrides ?? {})].filter(
    (p): p is string => typeof p === "string" && !path.isAbsolute(p),
  );
}

/** The brand colour for each theme, or undefined when none is configured. */
export function brandColors(value: Config["site"]["brand_color"]): { light: string; dark: string } | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? { light: value, dark: value } : value;
}

function checkBrandColor(file: string, value: Config["site"]["brand_color"]): Finding[] {
  const colors = brandColors(value);
  if (!colors) return [];
  const single = typeof value === "string";
  return (["light", "dark"] as const).flatMap((theme) => {
    const ratio = contrastRatio(colors[theme], THEME_BACKGROUNDS[theme]);
    if (ratio >= MIN_CONTRAST) return [];
    return [
      {
        file,
        rule: "config-brand-color",
        severity: "error" as const,
        path: single ? ["site", "brand_color"] : ["site", "brand_color", theme],
        message: `\`site.brand_color\` ${colors[theme]} has a contrast of ${ratio.toFixed(2)}:1 on the ${theme} theme's background (${THEME_BACKGROUNDS[theme]}); links in it would be hard to read (WCAG AA asks for ${MIN_CONTRAST}:1).`,
        hint: single
          ? `Give one colour per theme: \`brand_color: { light: "${theme === "light" ? "#0550ae" : colors.light}", dark: "${theme === "dark" ? "#58a6ff" : colors.dark}" }\` — a darker shade for light, a lighter one for dark.`
          : `Use a ${theme === "light" ? "darker" : "lighter"} shade for the ${theme} theme, e.g. ${theme === "light" ? "#0550ae" : "#58a6ff"}.`,
      },
    ];
  });
}

function checkBrandFile(root: string, file: string, key: "logo" | "favicon", value: string): Finding[] {
  const at = (message: string, hint: string): Finding[] => [
    { file, rule: "config-brand-file", severity: "error", path: ["site", key], message, hint },
  ];
  const resolved = path.resolve(root, value);
  if (path.isAbsolute(value) || path.relative(root, resolved).startsWith("..")) {
    return at(
      `\`site.${key}\` \`${value}\` is outside the repository.`,
      `Put the file in the repository (e.g. assets/${key}.svg) and give its path from the root.`,
    );
  }
  const extension = path.extname(value).toLowerCase();
  if (!IMAGE_TYPES[key].includes(extension))
    return at(
      `\`site.${key}\` \`${value}\` is not ${IMAGE_TYPES[key].join(", ")}.`,
      `Convert it to ${IMAGE_TYPES[key][0].slice(1).toUpperCase()} (scales cleanly) or ${IMAGE_TYPES[key][1].slice(1).toUpperCase()}.`,
    );
  let stat;
  try {
    stat = lstatSync(resolved);
  } catch {
    return at(`\`site.${key}\` \`${value}\` does not exist.`, `Add the file at ${value}, or remove \`${key}\` to use the default.`);
  }
  if (!stat.isFile())
    return at(`\`site.${key}\` \`${value}\` is not a regular file.`, "Give the path of the image itself (links are not followed).");
  if (stat.size > MAX_BRAND_FILE_BYTES)
    return at(
      `\`site.${key}\` \`${value}\` is ${Math.round(stat.size / 1024)} kB; every visitor downloads it.`,
      `Shrink it under ${MAX_BRAND_FILE_BYTES / 1024} kB (an SVG, or a PNG at the size it is shown).`,
    );
  return [];
}

function checkOverride(root: string, file: string, name: string, component: string): Finding[] {
  const resolved = path.resolve(root, component);
  let exists = false;
  try {
    exists = !path.relative(root, resolved).startsWith("..") && lstatSync(resolved).isFile();
  } catch {
    exists = false;
  }
  if (exists) return [];
  return [
    {
      file,
      rule: "config-override",
      severity: "error",
      path: ["site", "overrides", name],
      message: `\`site.overrides.${name}\` \`${component}\` is not a file in this repository.`,
      hint: `Create it (docs/customising.md has a starting point for ${name}), or remove the line to use sitrep's.`,
    },
  ];
}
