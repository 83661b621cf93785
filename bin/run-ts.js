#!/usr/bin/env node
// Runs a TypeScript file of this repository directly: sucrase strips the types on load,
// so the command line works right after `npm ci`, without a build step.
require('sucrase/register/ts');
const path = require('path');
const script = process.argv[2];
if (!script) {
  process.stderr.write('usage: run-ts.js FILE.ts [args...]\n');
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(script));
