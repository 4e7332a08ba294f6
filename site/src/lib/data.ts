declare const __SITREP_DATA_MODULE__: string;
import type * as Native from "../../sitrep-data.ts";
const native: typeof Native = await import(/* @vite-ignore */ __SITREP_DATA_MODULE__);
export const data = native.data;
