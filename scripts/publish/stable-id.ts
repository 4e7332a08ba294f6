// Statuspage-style ids (12 lower-case base-32 characters) derived from record ids, so the
// same record gets the same API id in every build and ids of different kinds never collide.
import { hash } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuv";

export type IdKind = "page" | "component" | "group" | "incident" | "update";

export function stableId(kind: IdKind, key: string): string {
  // One-shot hash: the same digest as createHash().update().digest() at half the cost per id
  // (one id per incident, update and component, in every build).
  const digest = hash("sha256", `sitrep:${kind}:${key}`, "buffer");
  let id = "";
  for (let i = 0; i < 12; i++) id += ALPHABET[digest[i] % 32];
  return id;
}
