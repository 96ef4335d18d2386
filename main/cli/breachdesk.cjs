#!/usr/bin/env node
// Launcher for the `breachdesk` command. Plain CommonJS so that even an old Node can read it
// and be told clearly why it cannot run Breachdesk, instead of crashing in the SQLite addon.
'use strict';

const MINIMUM_NODE_MAJOR = 22;
const major = Number(process.versions.node.split('.')[0]);
if (!(major >= MINIMUM_NODE_MAJOR)) {
  process.stderr.write(
    `breachdesk: Node.js ${MINIMUM_NODE_MAJOR} or newer is required, but this is Node.js ${process.version}. ` +
      'Inside the repository run it as `npx breachdesk …` (npm uses the Node 22 the project installs), ' +
      'or install Node.js 22.\n',
  );
  process.exit(1);
}

const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', '..', 'dist', 'node', 'cli.cjs');
if (!existsSync(built)) {
  process.stderr.write(
    'breachdesk: the command line is not built yet; run `npm install` or `npm run build:node`.\n',
  );
  process.exit(1);
}
require(built);
