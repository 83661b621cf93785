/** What a command writes to: main.ts gives the terminal's streams, tests give collectors. */
export interface CommandContext {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Progress of long work, shown on a terminal only (one line rewritten in place); null clears it. */
  progress?: (line: string | null) => void;
}
