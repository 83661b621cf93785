/**
 * The error of every reader of the other formats. Kept in its own module so that the readers and
 * the dispatcher (index.ts, which re-exports it) can all import it without an import cycle.
 */

/** A file that cannot be read; its message is one English sentence, the CLI adds the file name. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormatError";
  }
}
