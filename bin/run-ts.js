#!/usr/bin/env node
// Runs a TypeScript file of this repository directly: sucrase strips the types on load,
// so the command line works right after `npm ci`, without a build step.
// Types stripped only (disableESTransforms): Node 20 runs ?. and ?? natively, much faster than sucrase's rewrite of them.
require('sucrase/dist/register').addHook('.ts', { transforms: ['typescript', 'imports'], disableESTransforms: true });
const path = require('path');
const script = process.argv[2];
if (!script) {
  process.stderr.write('usage: run-ts.js FILE.ts [args...]\n');
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(script));
