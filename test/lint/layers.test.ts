import { resolve } from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: REPO });

/** Lints one import line as if it stood in `file`, with the layer rule the project's config gives that file. */
async function layerMessages(file: string, source: string): Promise<string[]> {
  const config = (await eslint.calculateConfigForFile(file)) as { rules: Record<string, Linter.RuleEntry> };
  const rule = config.rules['no-restricted-imports'];
  expect(rule, `no layer rule for ${file}`).toBeDefined();
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    `${source}\n`,
    [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-imports': rule! } }],
    { filename: resolve(REPO, file) },
  );
  return messages.map((m) => m.message);
}

describe('the layer rule in eslint.config.js', () => {
  it.each([
    ['src/privacy/present.ts', "import type { AppDeps } from '../server/context.js';", 'src/privacy must not import from src/server'],
    ['src/jobs/import-school.ts', "import type { AppDeps } from '../server/context.js';", 'src/jobs must not import from src/server'],
    ['src/ingest/load-dataset.ts', "import { buildGraph } from '../graph/build-graph.js';", 'src/ingest must not import from src/graph'],
    [
      'src/ingest/logs/read-logs.ts',
      "import { readTiesCsr } from '../../fastpath/ingest-ties.js';",
      'src/ingest must not import from src/fastpath',
    ],
    ['src/metrics/core.ts', "export { x } from '../report/index.js';", 'src/metrics must not import from src/report'],
    ['src/model/types.ts', "import type { Store } from '../store/store.js';", 'src/model must not import from src/store'],
    ['src/store/store.ts', "import { readTies } from '../ingest/ties.js';", 'src/store must not import from src/ingest'],
    ['src/server/app.ts', "import { main } from '../cli/main.js';", 'src/server must not import from src/cli'],
    ['src/cli/main.ts', "import { generateAll } from '../../tools/fixtures-gen/generate.js';", 'must not import development tooling'],
  ])('fails %s importing up: %s', async (file, source, expected) => {
    const messages = await layerMessages(file, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  });

  it.each([
    ['src/ingest/logs/read-logs.ts', "import { CsvByteScanner } from '../bytes/csv-bytes.js';"],
    ['src/fastpath/ingest-ties.ts', "import { ByteInterner } from '../ingest/bytes/interner.js';"],
    ['src/report/build-model.ts', "import { pseudonymize } from '../privacy/pseudonym.js';"],
    ['src/privacy/present.ts', "import type { RawAnalysis } from '../metrics/wave-analysis.js';"],
    ['src/server/routes/uploads.ts', "import { JobRunner } from '../../jobs/jobs.js';"],
  ])('lets %s import down: %s', async (file, source) => {
    expect(await layerMessages(file, source)).toEqual([]);
  });
});
