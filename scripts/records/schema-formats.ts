// The string formats the schemas use, for ajv at run time and for the compiled validators (which
// import this module by name: generate-validators.ts). `date-time` is core/time.ts's reader, so a
// time validate accepts is a time every consumer reads the same way; `date`, `email` and `uri`
// are ajv-formats' own checks.
import ajvFormats from "ajv-formats/dist/formats.js";
import type { FormatDefinition } from "ajv";
import { isRecordTime } from "../core/time.ts";

const { fullFormats } = ajvFormats as unknown as { fullFormats: Record<string, unknown> };

export const schemaFormats = {
  "date-time": { type: "string", validate: isRecordTime } satisfies FormatDefinition<string>,
  date: fullFormats.date,
  email: fullFormats.email,
  uri: fullFormats.uri,
} as Record<string, FormatDefinition<string> | RegExp | ((value: string) => boolean)>;
