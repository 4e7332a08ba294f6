// The git commands that turn a written record into a pull request, ready to paste. Pure.

/** POSIX shell quoting: safe for any title (quotes, $, backticks). */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A new branch, add, commit, push, and `gh pr create` with the fast-lane label (without it the
 * pull request waits for a person): for a new record. `sitrep publish` does all of it in one step.
 */
export function newPullRequestCommands(branch: string, paths: string[], message: string): string[] {
  return [
    `git switch -c ${shellQuote(branch)}`,
    `git add ${paths.map(shellQuote).join(" ")}`,
    `git commit -m ${shellQuote(message)}`,
    `git push -u origin ${shellQuote(branch)}`,
    `gh pr create --fill --label sitrep:fast-lane`,
  ];
}
