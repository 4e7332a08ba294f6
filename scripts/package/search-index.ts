// The site's search index: Pagefind reads the built HTML and writes <out>/pagefind/, which the
// search page loads. Run through Pagefind's Node API, in the build's own process.
import path from "node:path";
import { SitrepError } from "../errors.ts";

export async function writeSearchIndex(outDir: string): Promise<{ pages: number }> {
  const pagefind = await import("pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw indexError(errors);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw indexError(added.errors);
    const written = await index.writeFiles({ outputPath: path.join(outDir, "pagefind") });
    if (written.errors.length > 0) throw indexError(written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

function indexError(errors: string[]): SitrepError {
  return new SitrepError(`The search index could not be written: ${errors.join("; ") || "Pagefind gave no reason"}.`, {
    hint: "The pages are built; search is the only part missing. Run the build again, and report it if it repeats.",
    exitCode: 2,
  });
}
