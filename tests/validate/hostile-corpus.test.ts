// Hostile input: files built to crash, hang or mislead sitrep. Each must end in a diagnostic
// that names the file and place, and never in a crash, a hang or a pass. How fast (and in how
// much memory) is the bench's to say: bench/rows/hostile-inputs.ts times these same inputs.
// Beside the broken-record corpus (honest mistakes); these cases are generated here because
// most cannot be committed (symlinks out of the tree, FIFOs, multi-megabyte bombs).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { TEST_NOW, runCli, runCliInProcess } from "../helpers/run-cli.ts";
import { buildRepo, pick } from "./corpus.ts";
import { renderMarkdown } from "../../scripts/publish/markdown.ts";
import { hostile } from "../../testkit/hostile-inputs.ts";

const now = new Date(TEST_NOW);
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

function repoWith(files: Record<string, string | Buffer>): string {
  const repo = buildRepo([], "sitrep-hostile-");
  cleanups.push(repo.cleanup);
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(repo.dir, file), content);
  return repo.dir;
}

const incident = (extra: string) =>
  `---\ntitle: Hostile\nseverity: SEV3\nstatus: investigating\nstarted_at: 2026-11-15T10:00:00Z\n${extra}---\n\nBody.\n`;

/** `updates: [&u {…20 kB…}, *u, *u, …]` padded to `bytes`: expands to (bytes / 4) × 20 kB. */
const aliasBomb = (bytes: number) => incident(hostile.aliasBombField(bytes));

describe("YAML anchors, aliases and tags are refused at their position", () => {
  it.each([
    ["110 kB", 110_000],
    ["950 kB", 950_000],
  ])("the %s alias bomb fails fast with a diagnostic", (_label, bytes) => {
    const file = "incidents/2026/2026-11-15-bomb.md";
    const text = aliasBomb(bytes);
    expect(Buffer.byteLength(text)).toBeGreaterThan(bytes - 300);
    const dir = repoWith({ [file]: text });
    // Before: 110 kB passed validate and crashed the build; 950 kB ran ~6 minutes and passed.
    const { diagnostics } = validateRepository(dir, { now });
    expect(diagnostics.map(pick)).toEqual([
      { file, line: 6, column: 11, rule: "yaml-alias", severity: "error" },
      { file, line: 6, column: text.split("\n")[5].indexOf("*u") + 1, rule: "yaml-alias", severity: "error" },
    ]);
    expect(diagnostics[0].message).toBe("YAML anchor `&u` is not allowed.");
    expect(diagnostics[1].message).toMatch(/^YAML alias `\*u` is not allowed \(and \d{4,} more in this file\)\.$/);
    expect(diagnostics[1].hint).toMatch(/write the value out/);
  });

  it("the real CLI refuses the 950 kB bomb and exits 1", () => {
    const dir = repoWith({ "incidents/2026/2026-11-15-bomb.md": aliasBomb(950_000) });
    const result = runCli(["validate"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/6:11 +error +YAML anchor `&u` is not allowed\. +yaml-alias/);
  }, 20_000);

  it("a tag on a record value and an anchor in the configuration are refused too", () => {
    const dir = repoWith({
      "incidents/2026/2026-11-15-tag.md": incident("drill: !!bool false\n"),
      "sitrep.config.yaml": "site:\n  title: &t Acme\n  url: https://status.acme.example\ncomponents:\n  - {id: api, name: *t}\n",
    });
    const { diagnostics } = validateRepository(dir, { now });
    expect(diagnostics.map(pick)).toEqual([
      { file: "incidents/2026/2026-11-15-tag.md", line: 6, column: 8, rule: "yaml-tag", severity: "error" },
      { file: "sitrep.config.yaml", line: 2, column: 10, rule: "yaml-alias", severity: "error" },
      { file: "sitrep.config.yaml", line: 5, column: 21, rule: "yaml-alias", severity: "error" },
    ]);
    expect(diagnostics[0].message).toBe("YAML tag `!!bool` is not allowed.");
  });

  it("`&`, `*` and `!` inside values are text, not refused", () => {
    const dir = repoWith({
      "incidents/2026/2026-11-15-text.md": incident(
        "updates:\n  - at: 2026-11-15T10:05:00Z\n    status: investigating\n    body: R&D *really* down! & more\n",
      ),
    });
    // The incident is open and quiet at `now`, which only earns the cadence warning (decision 0070).
    expect(validateRepository(dir, { now }).diagnostics.filter((d) => d.rule !== "update-cadence")).toEqual([]);
  });
});

describe("only regular files inside the repository are read", () => {
  const notRegular = (file: string) => ({ file, line: 1, column: 1, rule: "file-not-regular", severity: "error" });

  it("a symlinked record is reported, not skipped (also when validated by name)", async () => {
    const dir = repoWith({});
    symlinkSync("2026-11-10-api-errors.md", path.join(dir, "incidents/2026/2026-11-15-link.md"));
    const { diagnostics } = validateRepository(dir, { now });
    expect(diagnostics.map(pick)).toEqual([notRegular("incidents/2026/2026-11-15-link.md")]);
    expect(diagnostics[0].message).toBe(
      "incidents/2026/2026-11-15-link.md is a symbolic link to `2026-11-10-api-errors.md`; sitrep does not follow links.",
    );
    const result = await runCliInProcess(["validate", "incidents/2026/2026-11-15-link.md"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/1:1 +error +incidents\/2026\/2026-11-15-link\.md is a symbolic link/);
  });

  it("a symlinked folder pointing outside is named and never followed; a loop is one diagnostic", () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), "sitrep-outside-"));
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
    mkdirSync(path.join(outside, "2027"));
    writeFileSync(
      path.join(outside, "2027/2027-01-01-secret.md"),
      incident("").replace("2026-11-15", "2027-01-01").replace("title: Hostile", "title: Outside"),
    );
    const dir = repoWith({});
    symlinkSync(path.join(outside, "2027"), path.join(dir, "incidents/2027"));
    symlinkSync("..", path.join(dir, "incidents/2026/loop"));
    const { diagnostics, repository } = validateRepository(dir, { now });
    expect(diagnostics.map(pick)).toEqual([notRegular("incidents/2026/loop"), notRegular("incidents/2027")]);
    expect(repository.incidents.map((i) => i.data.title)).not.toContain("Outside");
  });

  it("a record folder that is itself a link is named", () => {
    const dir = repoWith({});
    rmSync(path.join(dir, "runbooks"), { recursive: true });
    symlinkSync("/etc", path.join(dir, "runbooks"));
    const { diagnostics } = validateRepository(dir, { now });
    expect(diagnostics.map(pick)).toContainEqual(notRegular("runbooks"));
    expect(diagnostics.filter((d) => d.file.startsWith("runbooks/"))).toEqual([]);
  });

  it.each([
    ["/dev/zero", "/dev/zero"],
    ["a FIFO", "fifo"],
  ])(
    "sitrep.config.yaml → %s is refused at once (no 6 GB, no hang)",
    (_label, target) => {
      const dir = repoWith({});
      rmSync(path.join(dir, "sitrep.config.yaml"));
      let link = target;
      if (target === "fifo") {
        link = path.join(dir, "config.fifo");
        execFileSync("mkfifo", [link]);
      }
      symlinkSync(link, path.join(dir, "sitrep.config.yaml"));
      const result = runCli(["validate"], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /sitrep\.config\.yaml\n +1:1 +error +sitrep\.config\.yaml is a symbolic link to `[^`]+`; sitrep does not follow links\. +file-not-regular/,
      );
    },
    20_000,
  );

  it("a record that is a FIFO is refused without waiting for a writer", () => {
    const dir = repoWith({});
    execFileSync("mkfifo", [path.join(dir, "incidents/2026/2026-11-15-pipe.md")]);
    const { diagnostics } = validateRepository(dir, { now });
    expect(diagnostics.map(pick)).toEqual([notRegular("incidents/2026/2026-11-15-pipe.md")]);
    expect(diagnostics[0].message).toMatch(/is a named pipe \(FIFO\), not a regular file/);
  }, 20_000);
});

describe("the size is checked before reading", () => {
  it.each([
    ["3 GiB", 3 * 1024 ** 3],
    ["1.5 GiB", 1.5 * 1024 ** 3],
  ])("a %s record is refused as file-too-large without reading it", (_label, size) => {
    const dir = repoWith({});
    const file = "incidents/2026/2026-11-15-huge.md";
    // Sparse: no disk or memory used; before, 3 GB crashed ("greater than 2 GiB … this is a bug")
    // and 1.5 GB peaked at 1.6 GB of memory.
    const fd = openSync(path.join(dir, file), "w");
    ftruncateSync(fd, size);
    closeSync(fd);
    const { diagnostics } = validateRepository(dir, { now });
    expect(diagnostics.map(pick)).toEqual([{ file, line: 1, column: 1, rule: "file-too-large", severity: "error" }]);
    expect(diagnostics[0].message).toBe(`File is ${(size / 1024 / 1024).toFixed(1)} MiB; records are limited to 1 MiB.`);
  });
});

describe("images from other sites", () => {
  it("are dropped from rendered Markdown, keeping the alt text; same-site images stay", () => {
    const html = renderMarkdown(
      "Map: ![outage map](/images/map.png)\n\n![pixel](http://tracker.example/p.gif) ![](https://cdn.example/x.png) ![proto](//evil.example/x.png) ![slash](/\\evil.example/x.png)\n\n![ref][r]\n\n[r]: https://cdn.example/r.png",
    );
    expect(html).toContain('<img src="/images/map.png" alt="outage map">');
    expect(html).not.toMatch(/tracker|cdn\.example|\/\/evil\.example/);
    expect(html).toContain("pixel");
    expect(html).toContain("proto");
    // `/\\host` is a path on the site once encoded (`/%5Chost`), not another host.
    expect([...html.matchAll(/src="([^"]*)"/g)].map((m) => m[1])).toEqual(["/images/map.png", "/%5Cevil.example/x.png"]);
  });

  it("get a validate warning at their line, in the body and in updates", () => {
    const file = "incidents/2026/2026-11-15-images.md";
    const text =
      '---\ntitle: Images\nseverity: SEV3\nstatus: investigating\nstarted_at: 2026-11-15T10:00:00Z\nupdates:\n  - at: 2026-11-15T10:05:00Z\n    status: investigating\n    body: "Look ![x](http://tracker.example/p.gif)"\n---\n\nA map: ![map](/images/map.png)\n\nAnd ![logo][l].\n\n[l]: https://cdn.example/logo.png\n';
    const dir = repoWith({ [file]: text });
    // The open incident is also past its update cadence at `now`: a warning of its own.
    const diagnostics = validateRepository(dir, { now }).diagnostics.filter((d) => d.rule !== "update-cadence");
    expect(diagnostics.map(pick)).toEqual([
      { file, line: 9, column: 11, rule: "external-image", severity: "warning" },
      { file, line: 14, column: 5, rule: "external-image", severity: "warning" },
    ]);
    expect(diagnostics[0].message).toBe("Image `http://tracker.example/p.gif` is not on the status site; it is left out of the page.");
    expect(diagnostics[1].message).toMatch(/`https:\/\/cdn\.example\/logo\.png`/);
  });
});
