// Statuspage-style ids (12 lower-case base-32 characters) derived from record ids, so the
// same record gets the same API id in every build and ids of different kinds never collide.
import { createHash } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuv";

export type IdKind = "page" | "component" | "group" | "incident" | "update";

export function stableId(kind: IdKind, key: string): string {
  const digest = createHash("sha256").update(`sitrep:${kind}:${key}`).digest();
  let id = "";
  for (let i = 0; i < 12; i++) id += ALPHABET[digest[i] % 32];
  return id;
}
