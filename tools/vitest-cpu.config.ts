// The project's vitest config with tools/test-cpu-setup.ts in every project: what
// `node tools/test-cpu.ts` runs.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "../vitest.config.ts";

export default mergeConfig(base, defineConfig({ test: { setupFiles: ["tools/test-cpu-setup.ts"] } }));
