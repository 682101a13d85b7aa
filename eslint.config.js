// ESLint: type-aware TypeScript rules, Microsoft SDL security rules, and the layer boundaries
// of design.md as errors. test/unit/lint-boundaries.test.ts proves the boundary rules fire.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import sdl from '@microsoft/eslint-plugin-sdl';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Selectors for Electron settings that must never appear, with the reason shown to the author. */
const ELECTRON_INSECURE = [
  { selector: "Property[key.name='sandbox'][value.value=false]", message: 'Windows must stay sandboxed (sandbox: true).' },
  { selector: "Property[key.name='contextIsolation'][value.value=false]", message: 'Context isolation must stay on.' },
  { selector: "Property[key.name=/^nodeIntegration/][value.value=true]", message: 'No Node integration in any renderer.' },
  { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity must stay on.' },
  { selector: "Property[key.name='allowRunningInsecureContent'][value.value=true]", message: 'No insecure content.' },
  { selector: "Property[key.name='webviewTag'][value.value=true]", message: '<webview> is not allowed.' },
  { selector: "Literal[value=/^file:/]", message: 'The renderer is served from app://, never file://.' },
  { selector: "TemplateElement[value.raw=/^file:/]", message: 'The renderer is served from app://, never file://.' },
  { selector: "CallExpression[callee.property.name='loadFile']", message: 'Load the renderer from app://framescope/, not loadFile (file://).' },
  {
    selector: "CallExpression[callee.property.name='exposeInMainWorld'] Identifier[name=/^(ipcRenderer|require|process)$/]:not(MemberExpression > Identifier.property)",
    message: 'Expose the contract’s verbs, never ipcRenderer, require or process.',
  },
  {
    selector: "CallExpression[callee.property.name='exposeInMainWorld'] Property > Identifier.value[name='ipcRenderer']",
    message: 'Expose the contract’s verbs, never ipcRenderer itself.',
  },
];

const restrict = (paths, patterns = []) => ['error', { paths, patterns }];
const names = (list, message) => list.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'test/fixtures/**', '.tmp/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...sdl.configs.common,
  ...sdl.configs.electron,
  ...sdl.configs.react,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description', minimumDescriptionLength: 10 }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@microsoft/sdl/no-insecure-url': [
        'error',
        // Browser mode listens on loopback only; the SVG namespace is an identifier, not a fetch.
        { exceptions: ['^http://127\\.0\\.0\\.1', '^http://localhost', '^http://www\\.w3\\.org/'], varExceptions: ['host'] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...ELECTRON_INSECURE] },
  },
  {
    // Tests name refused URLs (http:, file:) on purpose.
    files: ['test/**/*.ts'],
    rules: { '@microsoft/sdl/no-insecure-url': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  // ── Layer boundaries (design.md): errors, not warnings. ──
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [
          ...names(NODE_BUILTINS, 'src/shared runs everywhere: no Node built-ins.'),
          ...names(['electron', 'react', 'react-dom', 'recharts'], 'src/shared holds the contract and plain data types only.'),
        ],
        [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing from the process layers.' }],
      ),
    },
  },
  {
    files: ['src/main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        names(['electron', 'react', 'react-dom', 'recharts'], 'The analysis engine is pure TypeScript: no Electron, no UI.'),
        [{ group: ['**/renderer/**', '**/preload/**', '../*.ts', '../service', '../ipc', '../window', '../index'], message: 'The engine does not depend on the main-process glue or the UI.' }],
      ),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/engine/**'],
    rules: {
      'no-restricted-imports': restrict(names(['react', 'react-dom', 'recharts'], 'The main process has no UI code.'), [
        { group: ['**/renderer/**', '**/preload/**'], message: 'Main does not import renderer or preload code.' },
      ]),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...names(NODE_BUILTINS, 'The sandboxed preload has no Node built-ins.'), ...names(['react', 'react-dom'], 'No UI in the preload.')],
        [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only electron and src/shared.' }],
      ),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [...names(NODE_BUILTINS, 'The renderer is a web page: no Node built-ins.'), ...names(['electron'], 'The renderer talks only to the contract (src/renderer/src/api/client.ts).')],
        [{ group: ['**/main/**', '**/preload/**'], message: 'The renderer does not import main-process or preload code; use the contract.' }],
      ),
      'no-restricted-globals': ['error', { name: 'require', message: 'No require in the renderer.' }, { name: 'process', message: 'No process in the renderer.' }],
    },
  },
);
