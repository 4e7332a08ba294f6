// Which issues sync may treat as its own (docs/decisions/0083-sync-trusts-issues-by-author.md).
//
// The marker `<!-- sitrep:action-item <postmortem>/<item> -->` is public (the keys are in the
// postmortem files) and anyone can open an issue, so a marker alone proves nothing: an outsider's
// issue carrying one was adopted (owner assigned, the phishing text kept above sitrep's block),
// and a marker for an unknown key or a second copy made every daily run fail. An issue is
// trusted when sync's own account opened it, when someone with write access did, or when a
// record names it (`issue: N`, which went through review). Pure: the I/O is in sync.ts.
import type { ExistingIssue } from "./sync-plan.ts";
import { findMarker } from "./marker.ts";

export interface TrustContext {
  /** The login of sync's token: a user, or `<app-slug>[bot]` for an installation token. */
  self: string;
  /** Logins known to have write access (admin, maintain or write) to the repository. */
  writers: ReadonlySet<string>;
  /** Issue numbers that records name with `issue: N`. */
  named: ReadonlySet<number>;
  /** Without a token nothing can be asked: trust the association GitHub reports instead. */
  byAssociation?: boolean;
}

/** GitHub's author_association values that can come with write access; the others never do. */
const MAY_WRITE = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

export function isTrusted(issue: ExistingIssue, context: TrustContext): boolean {
  if (context.named.has(issue.number)) return true;
  if (sameLogin(issue.author, context.self)) return true;
  if (context.byAssociation) return MAY_WRITE.has(issue.authorAssociation);
  // OWNER is the repository's owner (or an owner of its organisation): always write access.
  return issue.authorAssociation === "OWNER" || [...context.writers].some((w) => sameLogin(w, issue.author));
}

/**
 * Authors whose write access must be asked of GitHub before planning: only of issues carrying a
 * marker (no other issue can be mistaken for sync's), and only those who could have write access.
 */
export function authorsToCheck(listed: readonly ExistingIssue[], context: Pick<TrustContext, "self" | "named">): string[] {
  const logins = new Set<string>();
  for (const issue of listed) {
    if (issue.isPullRequest || !findMarker(issue.body) || context.named.has(issue.number)) continue;
    if (sameLogin(issue.author, context.self) || issue.authorAssociation === "OWNER" || !MAY_WRITE.has(issue.authorAssociation)) continue;
    logins.add(issue.author);
  }
  return [...logins].sort();
}

/** GitHub logins are case-insensitive. */
function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
