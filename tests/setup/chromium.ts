// vitest globalSetup of the browser project: choose (and if needed unpack) Chromium once, start
// one browser server, hand its endpoint to the test files. Unpacking once here, not per file,
// avoids parallel workers racing to write /tmp/chromium. A browser that cannot start is passed
// on as one line naming the fix, and every browser test fails with it (never a silent skip);
// the other projects run on.
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chooseChromium, chromiumFailure, type ChromiumChoice } from "../helpers/browser.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let choice: ChromiumChoice | undefined;
  let server: BrowserServer | undefined;
  try {
    choice = await chooseChromium();
    server = await chromium.launchServer({ ...choice.launch, timeout: 60_000 });
    project.provide("chromium", { wsEndpoint: server.wsEndpoint(), executablePath: choice.executablePath, source: choice.source });
  } catch (error) {
    const message = chromiumFailure(choice, error);
    console.error(message);
    project.provide("chromium", { error: message });
  }
  return async () => {
    await server?.close();
  };
}
