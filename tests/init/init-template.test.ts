// `sitrep init` leaves a clean template: neutral severity descriptions, a README about the team's
// records (no example company), next steps, did-you-mean time zones, and on a terminal a question
// before the examples go (re-asking a wrong time zone instead of ending the wizard).
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { repoRoot, runCliInProcess } from "../helpers/run-cli.ts";
import { hasTerminal, runInTerminal } from "../helpers/terminal.ts";

const TEMPLATE_WORDS = /lumen|payment|merchant|shopper|checkout/i;
const FLAGS = ["--title", "Acme Status", "--url", "https://status.acme.com", "--component", "api=Public API@Platform"];
/** Every answer given as a flag, so the terminal is asked only the confirmation. */
const ALL_FLAGS = [...FLAGS, "--timezone", "UTC", "--repository", "acme/status"];

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});
/** The template's README as shipped (a fixture: the one at the root is the adopter's after init). */
const templateReadme = path.join(repoRoot, "tests/init/fixtures/README.md");

/** A fresh copy of the template: the example records, the config and the README. */
function template(): string {
  const copy = copyExampleRepo("sitrep-init-template-");
  cleanups.push(copy.cleanup);
  cpSync(templateReadme, path.join(copy.dir, "README.md"));
  return copy.dir;
}
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");
const examplesLeft = (dir: string) => existsSync(path.join(dir, "incidents/2026/2026-05-19-checkout-outage.md"));

test("the repository's README carries the markers init rewrites between (before and after init)", () => {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  expect(readme.match(/<!-- sitrep:about-these-records[^>]*-->\n/g)).toHaveLength(1);
  expect(readme.match(/<!-- \/sitrep:about-these-records -->/g)).toHaveLength(1);
  expect(readme).toContain("## After `sitrep init`");
});

describe("init without a terminal (flags are the answers)", () => {
  test("no template wording is left in sitrep.config.yaml and README.md", async () => {
    const dir = template();
    // The template itself does carry the wording, so this test can fail.
    expect(read(dir, "sitrep.config.yaml")).toMatch(TEMPLATE_WORDS);
    expect(read(dir, "README.md")).toMatch(/Lumen/);
    const result = await runCliInProcess(["init", ...FLAGS], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(read(dir, "sitrep.config.yaml")).not.toMatch(TEMPLATE_WORDS);
    const readme = read(dir, "README.md");
    expect(readme).not.toMatch(/lumen|payments company|merchant/i);
    expect(readme).toContain("These are the incident records of **Acme Status**");
    expect(readme).toContain("published as the status page https://status.acme.com.");
    expect(readme).toContain("## After `sitrep init`");
    // The rest of the README is the template's, untouched.
    const shipped = readFileSync(templateReadme, "utf8");
    expect(readme.slice(0, readme.indexOf("<!-- sitrep:about"))).toBe(shipped.slice(0, shipped.indexOf("<!-- sitrep:about")));
    expect(readme.slice(readme.indexOf("<!-- /sitrep:about"))).toBe(shipped.slice(shipped.indexOf("<!-- /sitrep:about")));
    expect(result.stdout).toContain("git add -A sitrep.config.yaml README.md incidents postmortems runbooks");
    expect(result.stdout).toMatch(/Next \(README\.md, "After `sitrep init`"\): keep this repository private/);
    expect(examplesLeft(dir)).toBe(false);
    expect((await runCliInProcess(["validate"], { cwd: dir })).code).toBe(0);
  });

  test("severity descriptions become neutral, but one the team edited stays theirs", async () => {
    const dir = template();
    const edited = read(dir, "sitrep.config.yaml").replace(
      /description: "A core payment flow[^"]*"/,
      'description: "Our own words about SEV2."',
    );
    writeFileSync(path.join(dir, "sitrep.config.yaml"), edited);
    expect((await runCliInProcess(["init", ...FLAGS], { cwd: dir })).code).toBe(0);
    const config = read(dir, "sitrep.config.yaml");
    expect(config).toContain(
      'description: "Most customers cannot use the product, or its core function gives wrong results; data integrity or security at risk."',
    );
    expect(config).toContain('description: "Our own words about SEV2."');
  });

  test("a README without the markers is left alone", async () => {
    const dir = template();
    writeFileSync(path.join(dir, "README.md"), "# Our status records\n\nOur words.\n");
    const result = await runCliInProcess(["init", ...FLAGS], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(dir, "README.md")).toBe("# Our status records\n\nOur words.\n");
    expect(result.stdout).toContain("git add -A sitrep.config.yaml incidents postmortems runbooks");
  });

  test.each([
    ["Europe/Berln", "Europe/Berlin"],
    ["America/New_Yrok", "America/New_York"],
    ["Berlin", "Europe/Berlin"],
    ["Utc", undefined], // accepted as it is: Intl reads it case-insensitively
  ])("--timezone %s: did you mean %s? (undefined: accepted)", async (given, suggestion) => {
    const dir = template();
    const result = await runCliInProcess(["init", ...FLAGS, "--timezone", given], { cwd: dir });
    if (suggestion === undefined) {
      expect(result.code).toBe(0);
      expect(read(dir, "sitrep.config.yaml")).toContain('timezone: "UTC"');
      return;
    }
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: --timezone \`${given}\` is not an IANA time zone.`);
    expect(result.stderr).toContain(`hint: Did you mean \`${suggestion}\`?`);
    expect(examplesLeft(dir)).toBe(true); // nothing written
  });

  test("every problem with the flags in one run, each once, naming only the flags typed; nothing written", async () => {
    const dir = template();
    const before = read(dir, "sitrep.config.yaml");
    const result = await runCliInProcess(
      [
        "init",
        "--title",
        "Acme",
        "--url",
        "status.acme",
        "--timezone",
        "Europe/Berln",
        "-c",
        "api",
        "-c",
        "Web=Web",
        "--repository",
        "acme",
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: 5 problems with the flags; nothing was written:");
    for (const problem of [
      "--url `status.acme` is not a URL.",
      "--timezone `Europe/Berln` is not an IANA time zone.",
      "--component `api` is not",
      "--component id `Web` is not kebab-case.",
      "--repository `acme` is not owner/name.",
    ]) {
      expect(result.stderr.split(problem)).toHaveLength(2);
    }
    expect(result.stderr.split("hint:")[0]).not.toMatch(/--title|--description|Missing/); // the usage line in the hint names them all
    expect(read(dir, "sitrep.config.yaml")).toBe(before);
    expect(examplesLeft(dir)).toBe(true);
  });

  test("a time zone in any case is written in its canonical spelling", async () => {
    const dir = template();
    expect((await runCliInProcess(["init", ...FLAGS, "--timezone", "europe/berlin"], { cwd: dir })).code).toBe(0);
    expect(read(dir, "sitrep.config.yaml")).toContain('timezone: "Europe/Berlin"');
  });
});

describe.skipIf(!hasTerminal)("init on a terminal", () => {
  test("asks before removing the examples; No writes nothing", async () => {
    const dir = template();
    const before = read(dir, "sitrep.config.yaml");
    const result = await runInTerminal(
      ["init", ...ALL_FLAGS],
      [
        [
          /Remove the 34 example records \(20 incidents, 7 postmortems, 5 runbooks, 2 on-call schedules\) and rewrite sitrep\.config\.yaml and README\.md\?/,
          "\x1b[C\r",
        ], // arrow right: No
      ],
      dir,
    );
    expect(result.output).toContain("Nothing was written: the example records and the config stay as they are");
    expect(result.code).toBe(0);
    expect(examplesLeft(dir)).toBe(true);
    expect(read(dir, "sitrep.config.yaml")).toBe(before);
  });

  test("Yes removes them; --yes does not ask", async () => {
    const dir = template();
    const result = await runInTerminal(["init", ...ALL_FLAGS], [[/Remove the 34 example records/, "\r"]], dir);
    expect(result.output).toContain("Initialised Acme Status (1 component, 34 example records removed)");
    expect(examplesLeft(dir)).toBe(false);
    const other = template();
    const unasked = await runInTerminal(["init", ...ALL_FLAGS, "--yes"], [], other);
    expect(unasked.output).not.toContain("Remove the 34 example records");
    expect(unasked.output).toContain("34 example records removed");
    expect(examplesLeft(other)).toBe(false);
  });

  test("a wrong --timezone is asked again with the hint, and a wrong answer too", async () => {
    const dir = template();
    const result = await runInTerminal(
      ["init", ...FLAGS, "--timezone", "Europe/Berln", "--repository", "acme/status", "--yes"],
      [
        [
          /Time zone for displaying times \(`Europe\/Berln` is not an IANA time zone\. Did you mean `Europe\/Berlin`\?/,
          "Amerika/Chicago\r",
        ],
        [/\[answered 0\][\s\S]*Did you mean `America\/Chicago`\?/, "\x15America/Chicago\r"], // Ctrl-U clears the line
      ],
      dir,
    );
    expect(result.output).toContain("Initialised Acme Status");
    expect(result.code).toBe(0);
    expect(read(dir, "sitrep.config.yaml")).toContain('timezone: "America/Chicago"');
  });
});
