import { COMMANDS } from './commands/index.js';
import { EXIT, type CliIO } from './command.js';
import { LeadmapError } from '../model/errors.js';

/** Runs `leadmap <command> …` and returns the exit code. Never prints a stack trace to the user. */
export async function runCli(args: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const which = name === 'help' ? rest[0] : undefined;
    const cmd = COMMANDS.find((c) => c.name === which);
    io.stdout(cmd ? cmd.usage + '\n' : helpText());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('leadmap 0.1.0\n');
    return EXIT.ok;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`leadmap: unknown command "${name}"\n\n${helpText()}`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(cmd.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof LeadmapError) {
      io.stderr(`leadmap ${name}: ${err.message} [${err.code}]\n`);
      return EXIT.badInput;
    }
    if (err instanceof TypeError && (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.stderr(`leadmap ${name}: ${err.message}\n\n${cmd.usage}\n`);
      return EXIT.badInput;
    }
    const code = (err as NodeJS.ErrnoException)?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`leadmap ${name}: ${(err as Error).message}\n\n${cmd.usage}\n`);
      return EXIT.badInput;
    }
    io.stderr(
      `leadmap ${name}: internal error (${(err as Error)?.name ?? 'Error'}: ${(err as Error)?.message ?? String(err)}). Set LEADMAP_DEBUG=1 for details.\n`,
    );
    if (io.env.LEADMAP_DEBUG) io.stderr(String((err as Error)?.stack) + '\n');
    return EXIT.internal;
  }
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `leadmap — who leads what in a school or district\n\nUsage: leadmap <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nleadmap help <command> shows a command's options.\n`;
}
