// For `sitrep dev`: the pages follow the records. Records are read once per build process
// (site/data/build-context.ts caches them), and no page imports a record file, so Vite alone would
// never notice an edit. This Vite plugin watches the record folders and the config; on a change it
// forgets the loaded records, drops the rendered modules and reloads the browser.
import path from "node:path";

const CONTEXT_CACHE = Symbol.for("sitrep.site.build-context");
const RECORD_FOLDERS = ["incidents", "postmortems", "runbooks", "oncall"];

/** Whether a changed file is one the site is built from. */
export function isRecordFile(root: string, file: string): boolean {
  const relative = path.relative(root, file).split(path.sep);
  if (relative.length === 1) return relative[0] === "sitrep.config.yaml";
  return RECORD_FOLDERS.includes(relative[0]) && /\.(md|ya?ml)$/.test(file);
}

interface DevServer {
  watcher: { add(paths: string[]): void; on(event: string, listener: (file: string) => void): void };
  environments?: Record<string, { moduleGraph: { invalidateAll(): void } }>;
  ws: { send(payload: { type: "full-reload" }): void };
}

export function followRecords(root: string, onChange: (file: string) => void = () => {}) {
  return {
    name: "sitrep:follow-records",
    configureServer(server: DevServer) {
      server.watcher.add([path.join(root, "sitrep.config.yaml"), ...RECORD_FOLDERS.map((f) => path.join(root, f))]);
      const changed = (file: string) => {
        if (!isRecordFile(root, file)) return;
        (globalThis as Record<symbol, unknown>)[CONTEXT_CACHE] = undefined;
        for (const environment of Object.values(server.environments ?? {})) environment.moduleGraph.invalidateAll();
        server.ws.send({ type: "full-reload" });
        onChange(file);
      };
      for (const event of ["add", "change", "unlink"]) server.watcher.on(event, changed);
    },
  };
}
