// Headless Chromium for the browser tests (files named *.browser.test.ts, the "browser" vitest
// project), with everything that could reach the network switched off. Which Chromium, in order:
// CHROMIUM_PATH, a system Chromium, or the one inside the @sparticuz/chromium package (installed
// by `npm ci`, unpacked to the temp folder once per run by tests/setup/chromium.ts). The setup
// starts one browser server per run; test files connect to it (ADR 0061).
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from "playwright-core";
import { inject } from "vitest";

/** Flags that keep a test browser off the network and quiet. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-domain-reliability",
  "--no-pings",
  "--disable-breakpad",
  "--metrics-recording-only",
  "--disable-default-apps",
];

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export const CHROMIUM_FIX =
  "set CHROMIUM_PATH to a working Chromium, or run `npm ci` to restore @sparticuz/chromium (delete /tmp/chromium if an unpack was interrupted)";

export interface ChromiumChoice {
  executablePath: string;
  /** Where it came from, for error messages. */
  source: string;
  launch: LaunchOptions;
}

/** Picks the Chromium for this run; unpacks @sparticuz/chromium when it is the one (call once per run). */
export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  if (env.CHROMIUM_PATH) return system(env.CHROMIUM_PATH, "CHROMIUM_PATH");
  const installed = SYSTEM_CHROMIUMS.find((file) => existsSync(file));
  if (installed) return system(installed, "system Chromium");
  const { default: packaged } = await import("@sparticuz/chromium");
  const executablePath = await packaged.executablePath();
  // The package's own flags are for serverless sandboxes (single process, software GL, no web
  // security) and change layout and focus behaviour; the plain flags render like a desktop
  // Chromium. Its fonts only where the system has no fontconfig, so text still renders.
  const fonts = path.join(os.tmpdir(), "fonts");
  const fontEnv = !existsSync("/etc/fonts/fonts.conf") && existsSync(fonts) ? { ...process.env, FONTCONFIG_PATH: fonts } : undefined;
  return { executablePath, source: "@sparticuz/chromium", launch: { executablePath, args: CHROMIUM_ARGS, env: fontEnv } };
}

function system(executablePath: string, source: string): ChromiumChoice {
  return { executablePath, source, launch: { executablePath, args: CHROMIUM_ARGS } };
}

/** One line: what failed, with which Chromium, and the fix. */
export function chromiumFailure(choice: { executablePath: string; source: string } | undefined, error: unknown): string {
  const first =
    String((error as Error)?.message ?? error)
      .split("\n")
      .find((l) => l.trim() && !/^=+/.test(l.trim()))
      ?.trim() ?? "unknown error";
  const which = choice ? `${choice.executablePath} (${choice.source})` : "no Chromium found";
  return `Chromium could not start: ${which}: ${first.slice(0, 300).replace(/\.+$/, "")}. Fix: ${CHROMIUM_FIX}.`;
}

/** An error vitest prints as its message alone: no stack of setup internals. */
export function oneLineError(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}

/** The run's shared browser (started by tests/setup/chromium.ts); close() only disconnects. */
export async function launchChromium(): Promise<Browser> {
  const shared = inject("chromium");
  if (!shared) throw oneLineError("This test file uses Chromium but runs outside the browser project: name it *.browser.test.ts.");
  if ("error" in shared) throw oneLineError(shared.error);
  try {
    return await chromium.connect(shared.wsEndpoint, { timeout: 30_000 });
  } catch (error) {
    throw oneLineError(chromiumFailure(shared, error));
  }
}

/** Collects console errors and uncaught page errors from the moment it is called. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/**
 * The page a test file's tests take turns on (one context, one page, for the whole file). A new
 * page is a new renderer process in Chromium: ~0.35 s more CPU than navigating a page it already
 * has (0.5 s against 0.15 s, measured; a new context alone is 0.03 s), and the browser files opened
 * ~40 of them (decision 0186). Each test still starts from the file's defaults: it navigates
 * first, and `onPage` applies its viewport and colour scheme and, when it ends, puts them back and
 * drops the routes and event listeners it added. The site stores nothing in the browser (no
 * cookies or storage), so a document left by the previous test changes nothing but the HTTP cache,
 * as for any visitor. A test that needs options a page cannot change (JavaScript off, a time zone,
 * a fake clock, which stays installed in its context) opens its own context with `inContext`.
 */
export interface SharedPage {
  /** Runs `use` on the shared page with these settings, then restores the defaults. */
  onPage<T>(settings: PageSettings, use: (page: Page) => Promise<T>): Promise<T>;
  /** Runs `use` on a page of a fresh context with these options, then closes the context. */
  inContext<T>(options: Parameters<Browser["newContext"]>[0], use: (page: Page, context: BrowserContext) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PageSettings {
  viewport?: { width: number; height: number };
  colorScheme?: "light" | "dark";
}

/** Opens the file's shared page (default viewport 1280×720, light, JavaScript on) in `browser`. */
export async function sharedPage(browser: Browser): Promise<SharedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const defaults = { viewport: page.viewportSize() ?? { width: 1280, height: 720 }, colorScheme: "light" as const };
  return {
    async onPage(settings, use) {
      try {
        if (settings.viewport) await page.setViewportSize(settings.viewport);
        if (settings.colorScheme) await page.emulateMedia({ colorScheme: settings.colorScheme });
        return await use(page);
      } finally {
        await page.unrouteAll({ behavior: "ignoreErrors" });
        for (const event of ["console", "pageerror", "dialog"] as const) page.removeAllListeners(event);
        await page.emulateMedia({ colorScheme: defaults.colorScheme });
        await page.setViewportSize(defaults.viewport);
      }
    },
    async inContext(options, use) {
      const own = await browser.newContext(options);
      try {
        return await use(await own.newPage(), own);
      } finally {
        await own.close();
      }
    },
    close: () => context.close(),
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    chromium: { wsEndpoint: string; executablePath: string; source: string } | { error: string } | undefined;
  }
}
