/**
 * Structured log lines. Fields carry ids, codes, counts and durations only:
 * names, e-mail addresses, user names and survey answers never go to logs.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function jsonLogger(write: (line: string) => void = (l) => void process.stderr.write(l)): Logger {
  const emit =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      write(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }) + '\n');
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
