// vitest's file order with the browser files spread out: vitest runs the longest files first
// (from its results cache; by size on a fresh clone), project by project, so both workers used to
// start on browser files. A browser file leaves its core idle much of the time (it waits on
// Chromium; the browser project alone used ~48 s of CPU in ~85 s on two workers), so two at once
// wasted a core for a minute. Here every other file is a browser file until they run out, so one
// worker drives Chromium while the other runs the CPU-heavy integration files (decision 0106).
import { BaseSequencer, type TestSpecification } from "vitest/node";

export default class InterleaveSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter((f) => f.project.name === "browser");
    const rest = sorted.filter((f) => f.project.name !== "browser");
    const order: TestSpecification[] = [];
    while (browser.length > 0 || rest.length > 0) {
      const next = browser.shift();
      if (next) order.push(next);
      const other = rest.shift();
      if (other) order.push(other);
    }
    return order;
  }
}
