#!/usr/bin/env node
// Command-line entry: the TypeScript sources are loaded through sucrase (types stripped, no build needed).
// Types stripped only (disableESTransforms): Node 20 runs ?. and ?? natively, much faster than sucrase's rewrite of them.
require('sucrase/dist/register').addHook('.ts', { transforms: ['typescript', 'imports'], disableESTransforms: true });
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`indicator-tracker: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
