// Images from other sites are dropped from rendered pages (model/same-site-images.ts); this
// says so at the line, so the author can host the image on the site or link it instead.
import type { Finding } from "../../records/finding.ts";
import { externalImages as parseImages, type ExternalImage } from "../../model/same-site-images.ts";
import { overBudget } from "../../publish/markdown-budget.ts";
import { finding, type Rule } from "../rule.ts";

const message = (url: string) =>
  `Image \`${url.length > 80 ? `${url.slice(0, 80)}…` : url}\` is not on the status site; it is left out of the page.`;
const HINT =
  "Images from other sites would make every visitor's browser contact them (and http: is mixed content). Put the image in the site's public/ folder and use a relative path (/images/x.png), or link to it: [diagram](https://…).";

/** Images of a text remark may parse; one over the render budget is markdown-budget's to report. */
function externalImages(text: string): ExternalImage[] {
  if (!text.includes("![") || overBudget(text) !== undefined) return [];
  try {
    return parseImages(text);
  } catch {
    return [];
  }
}

export const externalImage: Rule = {
  id: "external-image",
  severity: "warning",
  description: "Images in record Markdown come from the status site (relative URLs); others are dropped when rendering.",
  check({ incidents, postmortems, runbooks }) {
    const findings: Finding[] = [];
    for (const record of [...incidents, ...postmortems, ...runbooks]) {
      // The Markdown body: positions are lines of the body, offset by where it starts.
      for (const image of externalImages(record.body)) {
        findings.push({
          file: record.source.path,
          rule: externalImage.id,
          severity: externalImage.severity,
          line: record.source.bodyLine + image.line - 1,
          column: image.column,
          message: message(image.url),
          hint: HINT,
        });
      }
    }
    for (const record of incidents) {
      // Update bodies are YAML strings: the finding points at the body's value.
      record.data.updates.forEach((update, i) => {
        for (const image of externalImages(update.body))
          findings.push(finding(externalImage, record, ["updates", i, "body"], message(image.url), HINT));
      });
    }
    return findings;
  },
};
