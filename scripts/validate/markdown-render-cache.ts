// Which Markdown texts an earlier run already rendered, within the budget and to something visible,
// with this engine, this Node and these installed packages (docs/decisions/0194). validate renders
// every long text as the publishers would (rules/markdown-texts.ts), and every command that reads
// the records validates them: in a short process remark runs cold, so a repository's long
// postmortems cost each `sitrep status`, `declare` or build ~20 ms apiece, again and again, though
// they had not changed. A text found here is not rendered again; one that failed, went over the
// budget or rendered empty is never kept, so every finding is still made fresh on every run.
//
// One line per text (a SHA-256 of it, base64url) in a file named after everything that decides an
// outcome. Writers only append whole lines, so processes running at once never lose each other's
// lines, and a reader ignores any line that is not a hash. No cache folder (no node_modules), or
// one that cannot be read or written, only means rendering as before.
import { hash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { engineCacheDir, engineNodeModules } from "../core/engine-cache-dir.ts";

/** Past this size the file starts over (texts edited away leave their lines behind). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** What a line holds: a SHA-256 in base64url. */
const LINE_LENGTH = 43;

/**
 * The engine's files whose code decides whether a text renders and how (the rules' own logic;
 * the budget; the renderer and its plugins). Their text goes into the fingerprint, so a change to
 * any of them, in a release or in a checkout, starts a new file.
 */
const DECIDING_FILES = [
  "./rules/markdown-texts.ts",
  "../publish/markdown.ts",
  "../publish/markdown-budget.ts",
  "../model/same-site-images.ts",
];

interface Known {
  file: string;
  texts: Set<string>;
  added: string[];
}

let known: Known | undefined | null;

/** True when an earlier run rendered `text` within the budget to something visible. */
export function renderedBefore(text: string): boolean {
  const cache = open();
  return cache?.texts.has(textKey(text)) === true;
}

/** Keeps `text` for later runs: it rendered within the budget to something visible. */
export function rememberRendered(text: string): void {
  const cache = open();
  if (cache === undefined) return;
  const key = textKey(text);
  if (cache.texts.has(key)) return;
  cache.texts.add(key);
  cache.added.push(key);
}

/** Appends what this run learned since the last call (one write, so it lands whole). */
export function saveRendered(): void {
  if (!known || known.added.length === 0) return;
  const lines = `${known.added.join("\n")}\n`;
  known.added = [];
  try {
    mkdirSync(path.dirname(known.file), { recursive: true });
    appendFileSync(known.file, lines);
  } catch {
    // A read-only install: nothing is kept, and the next run renders as this one did.
  }
}

function textKey(text: string): string {
  return hash("sha256", text, "base64url");
}

/** The cache of this engine, Node and install; undefined when there is nowhere to keep one. */
function open(): Known | undefined {
  if (known !== undefined) return known ?? undefined;
  known = null;
  const dir = engineCacheDir("sitrep-markdown");
  const fingerprint = dir === undefined ? undefined : installFingerprint();
  if (dir === undefined || fingerprint === undefined) return undefined;
  const file = path.join(dir, `rendered-${fingerprint}.txt`);
  known = { file, texts: readKeys(file), added: [] };
  return known;
}

function readKeys(file: string): Set<string> {
  const keys = new Set<string>();
  let text: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES) {
      rmSync(file, { force: true });
      return keys;
    }
    text = readFileSync(file, "utf8");
  } catch {
    return keys; // none yet
  }
  for (const line of text.split("\n")) if (line.length === LINE_LENGTH) keys.add(line);
  return keys;
}

/**
 * A hash of what decides a text's outcome: Node, the deciding engine files, and the installed
 * packages (npm rewrites node_modules/.package-lock.json on every install or update, so a new
 * remark after `npm update` starts a new file). Undefined when any of it cannot be read: without
 * knowing the packages, nothing is kept.
 */
function installFingerprint(): string | undefined {
  try {
    const parts = [process.version, process.arch];
    for (const file of DECIDING_FILES) parts.push(readFileSync(new URL(file, import.meta.url), "utf8"));
    const modules = engineNodeModules();
    if (modules === undefined) return undefined;
    const installed = statSync(path.join(modules, ".package-lock.json"));
    parts.push(`${installed.size}:${installed.mtimeMs}`);
    return hash("sha256", parts.join("\0"), "base64url").slice(0, 16);
  } catch {
    return undefined;
  }
}
