// The team's README.md, made from the template's: the paragraph about the example company (between
// two markers) becomes one about the team's own records. Pure: text in, text out. A README without
// the markers (already the team's, or rewritten) is left alone: init never edits prose it does not own.

export const README_FILE = "README.md";
const START = /<!-- sitrep:about-these-records[^>]*-->\n/;
const END = "<!-- /sitrep:about-these-records -->";

/** The README with the about paragraph rewritten for `title`, or undefined when the markers are missing. */
export function initReadmeText(templateText: string, answers: { title: string; url: string; description?: string }): string | undefined {
  const text = templateText.replace(/\r\n/g, "\n");
  const start = START.exec(text);
  const end = text.indexOf(END);
  if (!start || end < start.index) return undefined;
  const about = [
    `These are the incident records of **${answers.title.replace(/\n/g, " ")}**: incidents, maintenance, postmortems and runbooks`,
    `as Markdown in git, published as the status page ${answers.url}.${answers.description ? ` ${answers.description.replace(/\n/g, " ")}` : ""}`,
    "The section [After `sitrep init`](#after-sitrep-init) lists what is left to set up.",
  ].join("\n");
  return `${text.slice(0, start.index + start[0].length)}${about}\n${text.slice(end)}`;
}
