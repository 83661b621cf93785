// Lint of the add-in's TypeScript, as the Office add-in templates set it up: ESLint's recommended
// rules with typescript-eslint's parser, the Office add-in rules (reading properties before they
// are loaded, context.sync() in loops, navigational loads, null-object tests), React's, and
// Prettier with the Office add-in configuration (package.json "prettier").
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.tsx'];

export default [
  { ignores: ['dist/**', 'out/**', 'coverage/**', 'node_modules/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  // The plugin's configs name .ts files only: .tsx are linted alike.
  ...officeAddins.configs.react.map((c) => (c.files ? { ...c, files: TS } : c)),
  {
    files: TS,
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { Excel: 'readonly', Office: 'readonly', OfficeExtension: 'readonly', console: 'readonly', window: 'readonly', document: 'readonly' },
    },
    plugins: { 'react-hooks': reactHooks },
    settings: { react: { version: 'detect' } },
    rules: {
      // The new JSX transform needs no React in scope; props are typed by TypeScript.
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // TypeScript checks names; the core rule does not know type-only globals such as NodeJS.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Chinese text holds full-width spaces on purpose; file formats are read for control characters on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
      'no-control-regex': 'off',
    },
  },
  {
    // The Excel double's setters queue work with arrow bodies; what they return is never used.
    files: ['test/workbook/excel-double*.ts'],
    rules: { 'no-setter-return': 'off' },
  },
  {
    // The Office.js rules read Excel proxy objects; elsewhere (ExcelJS in tests, the file layer)
    // the same property names are plain data, and the rules would only mislead.
    files: ['src/core/**', 'src/cli/**', 'src/report/**', 'src/workbook/package/**', 'src/workbook/formats/**', 'scripts/**', 'test/**'],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, 'off'])),
  },
];
