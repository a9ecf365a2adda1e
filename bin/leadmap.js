#!/usr/bin/env node
// The `leadmap` command. The TypeScript sources are compiled to dist/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const entry = new URL('../dist/cli/bin.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('leadmap: not built yet. Run `npm install` (or `npm run build`) in the leadmap folder first.\n');
  process.exit(1);
}
await import(entry.href);
