// ESLint flat config: typescript-eslint's type-aware rules on the product, the
// tooling and the tests; the browser client is checked as JavaScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Layers: data flows one way, model <- ingest <- graph <- metrics <- (privacy, report) <- (jobs, server, cli).
// store (persistence) sits on model alone; fastpath (the large-file analysis path) sits beside privacy and
// report on top of metrics. Each folder lists the folders it must not import; src never imports tooling or tests.
const ABOVE = {
  model: ['ingest', 'graph', 'metrics', 'fastpath', 'privacy', 'report', 'store', 'jobs', 'server', 'cli'],
  store: ['ingest', 'graph', 'metrics', 'fastpath', 'privacy', 'report', 'jobs', 'server', 'cli'],
  ingest: ['graph', 'metrics', 'fastpath', 'privacy', 'report', 'store', 'jobs', 'server', 'cli'],
  graph: ['metrics', 'fastpath', 'privacy', 'report', 'store', 'jobs', 'server', 'cli'],
  metrics: ['fastpath', 'privacy', 'report', 'store', 'jobs', 'server', 'cli'],
  fastpath: ['privacy', 'report', 'store', 'jobs', 'server', 'cli'],
  privacy: ['fastpath', 'report', 'jobs', 'server', 'cli'],
  report: ['fastpath', 'jobs', 'server', 'cli'],
  jobs: ['server', 'cli'],
  server: ['cli'],
  cli: [],
};
const layerRules = Object.entries(ABOVE).map(([folder, above]) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...above.map((up) => ({
            group: [`**/${up}/**`, `../${up}`, `../../${up}`],
            message: `src/${folder} must not import from src/${up} (a higher layer; see README "Layout").`,
          })),
          { group: ['**/tools/**', '**/test/**'], message: 'the product must not import development tooling or tests.' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-tools/**', 'node_modules/**', 'coverage/**', 'fixtures/**', 'reports/**', 'data/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Tests read JSON bodies and parsed CSV as `any` on purpose; the assertions type them.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['web/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'module' },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  ...layerRules,
  {
    files: ['bin/**/*.js', '*.js', '*.ts'],
    languageOptions: { globals: globals.node },
  },
);
