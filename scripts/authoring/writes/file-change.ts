// A change a command wants to make: write a file's new text, or delete it.
export interface FileChange {
  /** Path from the records root, forward slashes. */
  path: string;
  /** The complete new text; null deletes the file. */
  text: string | null;
}
