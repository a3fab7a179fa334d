// Flat config. The per-folder `no-restricted-imports` blocks hold the architecture:
// engine <- sts <- model <- analysis <- store <- UI (canvas, editor, simulation, panels, app, lessons). io sits beside store.
// UI folders see each other and the store only through their index.ts; components reach the
// stores through hooks (a React context), never the app's store instances.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiFolders = ['canvas', 'editor', 'simulation', 'panels', 'app', 'lessons'];
const folderPattern = (names) => names.map((n) => `**/${n}/**`).concat(names.map((n) => `**/${n}`));
const libs = {
  ui: ['react', 'react-dom', 'react-dom/*', '@xyflow/react', 'monaco-editor', 'monaco-editor/*'],
  state: ['zustand', 'zustand/*', 'zundo'],
  browser: ['idb-keyval'],
};

const restrict = (forbiddenFolders, forbiddenLibs, why) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: forbiddenLibs.map((name) => ({ name, message: why })),
      patterns: [
        { group: folderPattern(forbiddenFolders), message: why },
        { group: forbiddenLibs.filter((n) => n.endsWith('/*')), message: why },
      ].filter((p) => p.group.length > 0),
    },
  ],
});

// The app's wiring: the modules that create, expose or drive the app's own store instances
// (components and hooks never do; they are handed a store through a React context).
const appWiring = [
  'src/app/edit-actions.ts',
  'src/app/export-actions.ts',
  'src/app/persistence.ts',
  'src/lessons/controller.ts',
  'src/simulation/simulation.ts',
  'src/simulation/index.ts',
];

/**
 * What a UI folder may not import: another UI folder's or the store's internals (only their
 * index.ts), and the app's store instances (components read them through hooks).
 */
function uiBoundaries(folder) {
  const deep = (name) => [`**/${name}/*`, `!**/${name}/index`, `!**/${name}/index.ts`];
  return [
    ...uiFolders
      .filter((other) => other !== folder)
      .map((other) => ({
        group: deep(other),
        message: `import src/${other} through its index.ts (\`../${other}\`), not its files`,
      })),
    {
      group: deep('store'),
      message: 'import the store through its index.ts (`../store`), not its files',
    },
    {
      group: ['**/store', '**/store/index', '**/store/index.ts'],
      importNames: ['rolecraftStore'],
      message: 'components read the store through `useRolecraft` / `useRolecraftStore`',
    },
    {
      group: ['**/simulation', '**/simulation/index', '**/simulation/index.ts'],
      importNames: ['simulationStore'],
      message: 'components read the simulation through `useSimulation` / `useSimulationStore`',
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-plain',
      'node_modules',
      'playwright-report',
      'test-results',
      '.reports',
      'bin',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      ...restrict(
        ['sts', 'model', 'analysis', 'store', 'io', 'cli', ...uiFolders],
        [...libs.ui, ...libs.state, ...libs.browser],
        'src/engine is pure: it imports no other app folder, no UI, state or browser library',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'the engine reads no wall clock: take time as an input or a Clock',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'the engine reads no wall clock: take time as an input or a Clock',
        },
      ],
    },
  },
  {
    // STS is stateful but still below the store: it sees the engine through its index only.
    files: ['src/sts/**/*.ts'],
    ignores: ['src/sts/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...libs.ui, ...libs.state, ...libs.browser].map((name) => ({
            name,
            message: 'src/sts imports only src/engine/index.ts',
          })),
          patterns: [
            {
              group: [
                ...folderPattern(['model', 'analysis', 'store', 'io', 'cli', ...uiFolders]),
                '**/engine/*/**',
                '!**/engine/index.ts',
              ],
              message: 'src/sts imports only src/engine/index.ts',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'STS reads no wall clock: take time as an input or a Clock',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'STS reads no wall clock: take time as an input or a Clock',
        },
      ],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: restrict(
      ['analysis', 'store', 'io', 'cli', ...uiFolders],
      [...libs.ui, ...libs.state, ...libs.browser],
      'src/model imports only src/engine',
    ),
  },
  {
    // The analysis asks the model's adapter; it sits below the store and runs in workers.
    files: ['src/analysis/**/*.ts'],
    ignores: ['src/analysis/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      ...restrict(
        ['store', 'io', 'cli', ...uiFolders],
        [...libs.ui, ...libs.state, ...libs.browser],
        'src/analysis imports only src/engine, src/sts and src/model',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'the analysis reads no wall clock: take `now` as an input',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'the analysis reads no wall clock: take `now` as an input',
        },
      ],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: restrict(
      ['store', 'cli', ...uiFolders],
      [...libs.ui, ...libs.state],
      'src/io imports only src/model and src/engine',
    ),
  },
  {
    files: ['src/store/**/*.ts'],
    ignores: ['src/store/react/**'],
    rules: restrict(
      ['io', 'cli', ...uiFolders],
      [...libs.ui, ...libs.browser],
      'src/store imports only src/model and src/engine',
    ),
  },
  {
    // The store's React binding: its context, provider and hooks, and nothing else of the UI.
    files: ['src/store/react/**/*.{ts,tsx}'],
    rules: restrict(
      ['io', 'cli', ...uiFolders],
      [...libs.ui.filter((name) => name !== 'react'), ...libs.browser],
      'src/store/react binds the store to React only',
    ),
  },
  ...uiFolders.map((folder) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: appWiring,
    rules: { 'no-restricted-imports': ['error', { patterns: uiBoundaries(folder) }] },
  })),
  ...uiFolders
    .map((folder) => ({
      files: appWiring.filter((file) => file.startsWith(`src/${folder}/`)),
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: uiBoundaries(folder).filter((p) => !p.importNames) },
        ],
      },
    }))
    .filter((block) => block.files.length > 0),
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(
      ['store', ...uiFolders],
      [...libs.ui, ...libs.state, ...libs.browser],
      'the CLI runs in Node on the engine and model',
    ),
  },
);
