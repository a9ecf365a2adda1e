/** One `leadmap` sub-command. `run` returns the process exit code (0 ok, 2 bad input, 3 needs review, 1 internal). */
export interface Command {
  name: string;
  /** One line for `leadmap help`. */
  summary: string;
  /** Full usage text for `leadmap help <name>`. */
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Where a command writes. Tests pass buffers; main passes process streams. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Answers typed (or piped) in, for interactive commands. */
  stdin?: NodeJS.ReadableStream;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, internal: 1, badInput: 2, needsReview: 3 } as const;
