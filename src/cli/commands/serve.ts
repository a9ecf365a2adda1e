import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT } from '../command.js';
import { LeadmapError } from '../../model/errors.js';
import { startServer } from '../../server/main.js';

const USAGE = `Usage: leadmap serve [options]

Runs the leadmap web app and JSON API on an embedded SQLite store. On the first
run it creates the data directory, loads the demo schools and creates the admin
account (its one-time password is printed once).

Options:
  --data-dir <dir>       data directory (default ./data, or LEADMAP_DATA_DIR)
  --port <n>             port (default 3000, or PORT)
  --host <addr>          address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --min-group-size <n>   smallest group whose statistics are shown (default 5)
  --trust-proxy          behind a TLS-terminating proxy: trust X-Forwarded-*, Secure cookies
  --no-demo              do not load the demo schools on the first run

Environment: LEADMAP_ADMIN_PASSWORD sets the first admin password instead of a
generated one-time password. API reference: docs/api.md; security: docs/security.md.`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the web app and API on http://localhost:3000',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'min-group-size': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        'no-demo': { type: 'boolean' },
      },
      allowPositionals: false,
    });
    const dataDir = resolve(io.cwd, values['data-dir'] ?? io.env.LEADMAP_DATA_DIR ?? 'data');
    const port = Number(values.port ?? io.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new LeadmapError('BAD_ARGUMENT', `--port must be a port number, not "${values.port ?? io.env.PORT}"`);
    const minGroupSize = values['min-group-size'] === undefined ? undefined : Number(values['min-group-size']);
    if (minGroupSize !== undefined && (!Number.isInteger(minGroupSize) || minGroupSize < 1))
      throw new LeadmapError('BAD_ARGUMENT', '--min-group-size must be a positive whole number');
    const running = await startServer({
      dataDir,
      port,
      host: values.host,
      minGroupSize,
      adminPassword: io.env.LEADMAP_ADMIN_PASSWORD,
      demoDir: values['no-demo'] ? null : undefined,
      options: values['trust-proxy'] ? { trustProxy: 1 } : {},
    });
    const fr = running.firstRun;
    io.stdout(`leadmap: data directory ${dataDir}\n`);
    if (running.orphansRemoved > 0) io.stdout(`leadmap: removed ${running.orphansRemoved} leftover file(s) of interrupted uploads\n`);
    if (fr.adminCreated) {
      if (fr.demoMissing) io.stdout('leadmap: no demo schools found (fixtures/demo is missing); starting with no schools\n');
      else if (fr.demoSchools.length > 0) io.stdout(`leadmap: loaded demo school(s): ${fr.demoSchools.join(', ')}\n`);
      io.stdout(
        fr.oneTimePassword
          ? `\n  Admin account created.  user: ${fr.adminUsername}   one-time password: ${fr.oneTimePassword}\n  (shown only this once; you will choose a new password at first sign-in)\n\n`
          : `leadmap: admin account "${fr.adminUsername}" created with the password from LEADMAP_ADMIN_PASSWORD\n`,
      );
    }
    io.stdout(`leadmap: serving on ${running.url}  (Ctrl-C to stop)\n`);
    await new Promise<void>((done) => {
      const stop = (): void => {
        io.stdout('leadmap: shutting down…\n');
        void running.close().then(done);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
