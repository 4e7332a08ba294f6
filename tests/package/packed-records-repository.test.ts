// sitrep as a team installs it: the tarball `npm pack` makes, `init <dir>` from it, and in the new
// records repository validate, build, upgrade; a copy of the old template converted in place.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { installPacked, packSitrep, type PackedSitrep } from "../../testkit/packed-sitrep.ts";
import { copyExampleRecords } from "../../testkit/example-org.ts";
import { repoRoot, TEST_NOW } from "../helpers/run-cli.ts";

const work = mkdtempSync(path.join(os.tmpdir(), "sitrep-packed-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let packed: PackedSitrep;
let toolCli: string;
const acme = path.join(work, "acme-status");

function run(cli: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", SITREP_NOW: TEST_NOW, ...env },
    input: "",
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` (paths from it), without node_modules, .git and the build's output. */
function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((p) => !/^(node_modules|\.git|dist|\.astro)\//.test(p))
    .sort();
}

/** The team's branding, an overridden footer and a page of its own, as docs/customising.md shows them. */
function brand(dir: string): void {
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(
    path.join(dir, "assets/logo.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28"><circle cx="14" cy="14" r="12" fill="#0b5fff"/></svg>\n',
  );
  mkdirSync(path.join(dir, "overrides"));
  writeFileSync(
    path.join(dir, "overrides/Footer.astro"),
    [
      "---",
      'import Default from "sitrep/components/Footer.astro";',
      "const props = Astro.props;",
      "---",
      "<Default {...props} />",
      '<p class="acme-legal">Acme Ltd · 1 Example Street · acme-footer-override</p>',
      "",
    ].join("\n"),
  );
  mkdirSync(path.join(dir, "pages"));
  writeFileSync(
    path.join(dir, "pages/about.astro"),
    [
      "---",
      'import Base from "sitrep/layouts/Base.astro";',
      "---",
      '<Base title="About this page"><h1>About</h1><p>acme-about-page: how we report incidents.</p></Base>',
      "",
    ].join("\n"),
  );
  const configFile = path.join(dir, "sitrep.config.yaml");
  writeFileSync(
    configFile,
    readFileSync(configFile, "utf8").replace(
      '  timezone: "America/Chicago"\n',
      [
        '  timezone: "America/Chicago"',
        "  logo: assets/logo.svg",
        '  brand_color: { light: "#0b57d0", dark: "#7cacf8" }',
        "  links:",
        "    homepage: https://www.acme.example/",
        "    support: https://help.acme.example/",
        "  footer: Acme status, run by the Acme SRE team",
        "  announcement:",
        "    text: We are moving to a new region on 2026-12-10.",
        "  overrides:",
        "    Footer: overrides/Footer.astro",
        "",
      ].join("\n"),
    ),
  );
}

beforeAll(() => {
  packed = packSitrep(work);
  toolCli = installPacked(packed.tarball, path.join(work, "tool"));
});

describe("the package", () => {
  test("ships the CLI, engine, site, schemas and generated-file sources, and no tests, bench, testkit, decisions or example records", () => {
    const tops = new Set(packed.files.map((f) => f.split("/")[0]));
    for (const needed of ["scripts", "site", "schema", "template", "package.json", "README.md"]) expect(tops, needed).toContain(needed);
    for (const left of ["tests", "bench", "testkit", "tools", ".ci", "node_modules"]) expect(tops, left).not.toContain(left);
    expect(packed.files.filter((f) => f.startsWith("docs/decisions/"))).toEqual([]);
    // Nothing a local build or dev server leaves behind (Vite's and Astro's caches).
    expect(packed.files.filter((f) => /(^|\/)(node_modules|\.astro|dist)\//.test(f))).toEqual([]);
    expect(packed.files.filter((f) => /^(incidents|postmortems|runbooks|oncall)\//.test(f)).sort()).toEqual(
      [
        "incidents/README.md",
        "incidents/_template.md",
        "oncall/README.md",
        "postmortems/README.md",
        "postmortems/_template.md",
        "runbooks/README.md",
        "runbooks/_template.md",
      ].sort(),
    );
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    expect(pkg.private).toBeUndefined();
    for (const dev of ["vitest", "playwright-core", "@sparticuz/chromium", "typescript"])
      expect(pkg.dependencies[dev], dev).toBeUndefined();
  });
});

describe("a records repository made by init <dir> from the tarball", () => {
  beforeAll(() => {
    const init = run(
      toolCli,
      [
        "init",
        acme,
        "--title",
        "Acme Status",
        "--url",
        "https://status.acme.example",
        "-c",
        "api=Public API@Platform",
        "-c",
        "web=Web app",
        "--timezone",
        "America/Chicago",
      ],
      work,
    );
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    installPacked(packed.tarball, acme);
    brand(acme);
  });

  test("holds records folders, config, package.json and workflows, and no engine code", () => {
    expect(listFiles(acme).filter((p) => !/^(assets|overrides|pages)\//.test(p))).toEqual([
      ".gitattributes",
      ".github/CODEOWNERS",
      ".github/ISSUE_TEMPLATE/action-item.yml",
      ".github/dependabot.yml",
      ".github/pull_request_template.md",
      ".github/workflows/action-items.yml",
      ".github/workflows/ci.yml",
      ".github/workflows/deploy.yml",
      ".github/workflows/fast-lane.yml",
      ".github/workflows/review.yml",
      ".gitignore",
      ".npmrc",
      ".sitrep/generated.json",
      "README.md",
      "incidents/README.md",
      "incidents/_template.md",
      "oncall/README.md",
      "package.json",
      "postmortems/README.md",
      "postmortems/_template.md",
      "runbooks/README.md",
      "runbooks/_template.md",
      "sitrep.config.yaml",
    ]);
    const pkg = JSON.parse(readFileSync(path.join(acme, "package.json"), "utf8"));
    expect(pkg.dependencies).toEqual({ sitrep: `^${JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).version}` });
    expect(pkg.scripts.build).toBe("sitrep build");
    // Record files merge with sitrep's driver, which `npm install` registers through "prepare".
    expect(readFileSync(path.join(acme, ".gitattributes"), "utf8")).toMatch(/^incidents\/\*\*\/\*\.md merge=sitrep$/m);
    expect(spawnSync("sh", ["-c", pkg.scripts.prepare], { cwd: acme }).status).toBe(0);
    expect(spawnSync("git", ["config", "merge.sitrep.driver"], { cwd: acme, encoding: "utf8" }).stdout.trim()).toBe(
      "npx --no-install sitrep merge-file %O %A %B %P",
    );
    expect(existsSync(path.join(acme, ".git"))).toBe(true);
    const ci = readFileSync(path.join(acme, ".github/workflows/ci.yml"), "utf8");
    expect(ci).toContain("npx sitrep validate --format github");
    expect(ci).toContain("npx sitrep pr-summary");
    expect(ci).not.toMatch(/npm test|scripts\//);
    // The folder READMEs link the schemas and guides where the package installs them.
    for (const readme of ["incidents/README.md", "oncall/README.md"]) {
      const text = readFileSync(path.join(acme, readme), "utf8");
      expect(text, readme).not.toMatch(/\]\(\.\.\/(schema|docs)\//);
      expect(text, readme).toContain("](../node_modules/sitrep/schema/");
    }
    const config = readFileSync(path.join(acme, "sitrep.config.yaml"), "utf8");
    expect(config).toMatch(/^format: 2$/m);
    expect(config).not.toMatch(/Lumen|checkout-api/);
  });

  test("validates, and builds the status page from the package's site", () => {
    const validate = run(path.join(acme, "node_modules/sitrep/scripts/sitrep.mjs"), ["validate"], acme);
    expect(validate.stdout).toContain("no problems");
    expect(validate.code).toBe(0);
    // The engine's stripped TypeScript is kept for the next run beside the install (decision 0187).
    expect(readdirSync(path.join(acme, "node_modules/.cache/sitrep-stripped")).filter((f) => f.endsWith(".js")).length).toBeGreaterThan(50);
    // The published files on their own thread, as a large repository's build makes them: its entry
    // must start from under node_modules too (site/data/published-worker.mjs).
    const build = run(path.join(acme, "node_modules/sitrep/scripts/sitrep.mjs"), ["build", "--quiet"], acme, {
      SITREP_PUBLISH_THREAD: "always",
    });
    expect(build.stderr).not.toMatch(/error|\n\s+at /i);
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/✔ Built \d+ pages into dist\//);
    const page = readFileSync(path.join(acme, "dist/index.html"), "utf8");
    expect(page).toMatch(/<title>[^<]*Acme Status<\/title>/);
    expect(page).toContain("Public API");
    expect(page).toContain("Web app");
    const summary = JSON.parse(readFileSync(path.join(acme, "dist/api/v2/summary.json"), "utf8"));
    expect(summary.page.name).toBe("Acme Status");
    expect(summary.components.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(["Public API", "Web app"]));
    expect(existsSync(path.join(acme, "dist/pagefind/pagefind.js"))).toBe(true);
    // Branding from the config, the overridden footer, and the team's own page.
    expect(page).toContain('<img class="brand-logo" src="/brand/logo.svg"');
    expect(readFileSync(path.join(acme, "dist/brand/logo.svg"), "utf8")).toContain("<circle");
    expect(page).toContain("--link:#0b57d0");
    expect(page).toContain("--link:#7cacf8");
    expect(page).toContain('href="https://www.acme.example/"');
    expect(page).toContain("We are moving to a new region on 2026-12-10.");
    expect(page).toContain("acme-footer-override");
    expect(page).toContain('href="https://help.acme.example/"');
    expect(page).toContain("Acme status, run by the Acme SRE team");
    const about = readFileSync(path.join(acme, "dist/about/index.html"), "utf8");
    expect(about).toContain("acme-about-page");
    expect(about).toContain("acme-footer-override");
    // Astro's generated files land in the records repository (ignored), never inside the package.
    expect(existsSync(path.join(acme, "node_modules/sitrep/site/.astro"))).toBe(false);
  });

  test("declare, commit, and metrics read the git history from the package", () => {
    const cli = path.join(acme, "node_modules/sitrep/scripts/sitrep.mjs");
    const declared = run(
      cli,
      [
        "declare",
        "--title",
        "API errors",
        "--severity",
        "SEV2",
        "--component",
        "api=partial_outage",
        "--message",
        "We are investigating.",
        "--at",
        "2026-11-22T11:50:00Z",
      ],
      acme,
    );
    expect(declared.code, declared.stderr).toBe(0);
    const git = (...args: string[]) =>
      spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
        cwd: acme,
        encoding: "utf8",
        env: { ...process.env, GIT_AUTHOR_DATE: "2026-11-22T11:55:00Z", GIT_COMMITTER_DATE: "2026-11-22T11:55:00Z" },
      });
    git("add", "incidents", "sitrep.config.yaml");
    expect(git("commit", "-q", "-m", "Declare SEV2: API errors").status).toBe(0);
    const metrics = run(cli, ["metrics", "--json"], acme);
    expect(metrics.stderr).not.toMatch(/ERR_|\n\s+at /);
    expect(metrics.code).toBe(0);
    expect(JSON.parse(metrics.stdout).history.commits).toBe(1);
  });

  test("upgrade refreshes an unedited workflow, leaves an edited one with a diff, and overwrites it only when told", () => {
    const cli = path.join(acme, "node_modules/sitrep/scripts/sitrep.mjs");
    expect(run(cli, ["upgrade"], acme)).toMatchObject({ code: 0 });
    // The team edits ci.yml; then a new sitrep release changes deploy.yml and ci.yml.
    const ciFile = path.join(acme, ".github/workflows/ci.yml");
    const teamCi = readFileSync(ciFile, "utf8").replace("timeout-minutes: 15", "timeout-minutes: 25 # our runners are slow");
    writeFileSync(ciFile, teamCi);
    const shipped = path.join(acme, "node_modules/sitrep");
    writeFileSync(
      path.join(shipped, ".github/workflows/deploy.yml"),
      `${readFileSync(path.join(shipped, ".github/workflows/deploy.yml"), "utf8")}# a change in a new release\n`,
    );
    writeFileSync(
      path.join(shipped, "template/ci.yml"),
      readFileSync(path.join(shipped, "template/ci.yml"), "utf8").replace("name: CI", "name: CI (records)"),
    );

    const check = run(cli, ["upgrade", "--check"], acme);
    expect(check.code).toBe(1);
    expect(readFileSync(path.join(acme, ".github/workflows/deploy.yml"), "utf8")).not.toContain("a change in a new release");

    const upgrade = run(cli, ["upgrade"], acme);
    expect(upgrade.code).toBe(1);
    expect(upgrade.stdout).toContain("refreshed: .github/workflows/deploy.yml");
    expect(readFileSync(path.join(acme, ".github/workflows/deploy.yml"), "utf8")).toContain("# a change in a new release");
    expect(readFileSync(ciFile, "utf8")).toBe(teamCi);
    expect(upgrade.stdout).toContain("✎ .github/workflows/ci.yml is edited");
    expect(upgrade.stdout).toContain("-name: CI\n+name: CI (records)");
    expect(upgrade.stdout).toContain("-    timeout-minutes: 25 # our runners are slow");

    const again = run(cli, ["upgrade"], acme);
    expect(again.stdout).toMatch(/current: .*\.github\/workflows\/deploy\.yml/);
    expect(again.code).toBe(1);
    const overwrite = run(cli, ["upgrade", "--overwrite", ".github/workflows/ci.yml"], acme);
    expect(overwrite.code).toBe(0);
    expect(readFileSync(ciFile, "utf8")).toContain("name: CI (records)");
    expect(run(cli, ["upgrade", "--check"], acme).code).toBe(0);
  });

  test("init refuses a folder that is not empty, and a records repository (pointing at upgrade)", () => {
    const busy = path.join(work, "busy");
    mkdirSync(busy);
    writeFileSync(path.join(busy, "notes.txt"), "mine");
    const refused = run(toolCli, ["init", busy, "--title", "X", "--url", "https://x.example", "-c", "a=A"], work);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is not empty (notes.txt)");
    const again = run(toolCli, ["init", acme, "--title", "X", "--url", "https://x.example", "-c", "a=A"], work);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("npx sitrep upgrade");
  });
});

describe("a copy of the template made before sitrep was a package", () => {
  const old = path.join(work, "old-template");
  const kept = ["sitrep.config.yaml", "README.md"];
  let before: Map<string, string>;

  beforeAll(() => {
    // The template as a team copied it: the engine's tracked files (not the records at the root,
    // which `sitrep init` makes an adopter's own), with the example organisation's records.
    const tracked = spawnSync("git", ["-C", repoRoot, "ls-files", "-z"], { encoding: "utf8" }).stdout.split("\0").filter(Boolean);
    const isRecord = (file: string) =>
      file === "sitrep.config.yaml" || (/^(incidents|postmortems|runbooks|oncall)\//.test(file) && !/\/(README|_template)\.md$/.test(file));
    for (const file of tracked.filter((f) => !isRecord(f) && existsSync(path.join(repoRoot, f)))) {
      mkdirSync(path.dirname(path.join(old, file)), { recursive: true });
      cpSync(path.join(repoRoot, file), path.join(old, file));
    }
    copyExampleRecords(old);
    // The template as it was: no record format in its config.
    const configFile = path.join(old, "sitrep.config.yaml");
    writeFileSync(configFile, readFileSync(configFile, "utf8").replace(/^# The record format.*\nformat: 2\n\n?/m, ""));
    before = new Map(
      [...kept, ...listFiles(old).filter((p) => /^(incidents|postmortems|runbooks|oncall)\/(?!README|_template)/.test(p))].map((p) => [
        p,
        readFileSync(path.join(old, p), "utf8"),
      ]),
    );
  });

  test("converts in place: engine gone, every record, the config and the README byte for byte, then validates and migrates", () => {
    const converted = run(toolCli, ["init", old], work);
    expect(converted.code).toBe(0);
    // The template's config had no record format: init says so, and names migrate.
    expect(converted.stderr).toContain("record-format-old");
    expect(converted.stderr).not.toMatch(/\berror\b/);
    for (const [file, text] of before) expect(readFileSync(path.join(old, file), "utf8"), file).toBe(text);
    for (const gone of ["scripts", "site", "schema", "tests", "bench", "testkit", "docs", "vitest.config.ts", "tsconfig.json"])
      expect(existsSync(path.join(old, gone)), gone).toBe(false);
    expect(JSON.parse(readFileSync(path.join(old, "package.json"), "utf8")).dependencies.sitrep).toMatch(/^\^/);
    expect(existsSync(path.join(old, ".sitrep/generated.json"))).toBe(true);

    const cli = installPacked(packed.tarball, old);
    const validate = run(cli, ["validate"], old);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain("record-format-old");
    expect(run(cli, ["migrate"], old).code).toBe(0);
    expect(readFileSync(path.join(old, "sitrep.config.yaml"), "utf8")).toMatch(/^format: 2$/m);
    expect(run(cli, ["validate"], old).stdout).not.toContain("record-format-old");
  });
});
