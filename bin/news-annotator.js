#!/usr/bin/env node
'use strict';
// The CLI entry installed as the package's `bin`: runs the bundled CLI (dist/cli.js, built by `npm run build`).
require('../dist/cli.js').cliEntry();
