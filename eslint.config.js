// `npm run lint`: ESLint's, typescript-eslint's and eslint-plugin-vue's recommended rules, without the
// type-aware ones (they would take minutes), and the import rules of ARCHITECTURE.md ("Import rule").
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The folders (`from`) that the files under `target` must not import. */
const zone = (target, from, message) => ({ target, from, message });

// Which way the tree may depend: shared/ ← server/ ← mock/, and shared/ ← screen/. Inside the server,
// http/ and realtime/ → services/ → store/, cache/, import/, exports/ → domain/; only app.ts,
// index.ts and bootstrap.ts wire layers together.
const SERVER_WIRING = ['./server/app.ts', './server/index.ts', './server/bootstrap.ts', './server/restore.ts'];
const BELOW_SERVICES = ['./server/store', './server/cache', './server/import', './server/exports', './server/demo', './server/domain'];
const LAYERS = [
  zone('./shared', ['./server', './screen', './mock', './test'], 'shared/ is imported by both sides and imports neither.'),
  zone('./server', ['./screen', './mock', './test'], 'The server never imports the screen or the mock.'),
  zone('./screen', ['./server', './mock', './test'], 'The screen talks to the server through shared/ types, HTTP and the socket.'),
  zone('./mock', ['./screen', './test'], 'mock/ drives the server from outside: it may import server/ and shared/.'),
  zone('./server/http', ['./server/realtime', ...BELOW_SERVICES, ...SERVER_WIRING], 'Routes call services, never the store or a sibling layer.'),
  zone('./server/realtime', ['./server/http', ...BELOW_SERVICES, ...SERVER_WIRING], 'Socket handlers call services, never the store or http/.'),
  zone('./server/services', ['./server/http', './server/realtime', ...SERVER_WIRING], 'Services are called by http/ and realtime/, not the other way.'),
  zone(
    ['./server/store', './server/cache', './server/import', './server/exports', './server/demo'],
    ['./server/http', './server/realtime', './server/services', ...SERVER_WIRING],
    'Repositories, the cache, the readers and builders are used by services and import none of them.',
  ),
  zone('./server/store', ['./server/cache', './server/import', './server/exports', './server/demo'], 'The store speaks SQL only.'),
  zone('./server/cache', ['./server/store', './server/domain', './server/import', './server/exports', './server/demo'], 'The cache holds snapshots only.'),
  zone(
    './server/domain',
    ['./server/http', './server/realtime', './server/services', './server/store', './server/cache', './server/import', './server/exports', './server/demo', ...SERVER_WIRING, './server/config.ts', './server/errors.ts'],
    'The domain is pure: it imports nothing but shared/.',
  ),
];

export default tseslint.config(
  { ignores: ['dist/', '.tsbuild/', 'data/', 'screen/public/', 'test/artifacts/', 'test/bench/tmp/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  { languageOptions: { ecmaVersion: 2022, sourceType: 'module' } },
  { files: ['screen/**'], languageOptions: { globals: globals.browser } },
  { files: ['server/**', 'mock/**', 'scripts/**', 'test/**', '*.config.ts', '*.config.js'], languageOptions: { globals: globals.node } },
  // The e2e tests run code in the page, too.
  { files: ['test/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/extensions': ['.ts', '.js', '.mjs', '.vue'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYERS }],
    },
  },
  {
    rules: {
      // Unused names are errors, except those deliberately ignored with a leading underscore.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests read untyped JSON answers (`res.body`) field by field.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.vue'],
    rules: {
      // Layout of templates (attribute per line, self-closing, line breaks): a formatter's business,
      // and applying it would rewrite most templates.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/attributes-order': 'off',
    },
  },
);
