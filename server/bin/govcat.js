#!/usr/bin/env node
// The `govcat` command. The TypeScript sources are compiled to dist/ by `npm install` (prepare) or `npm run build`.
const path = require('node:path');
const main = path.join(__dirname, '..', '..', 'dist', 'server', 'src', 'cli', 'main.js');
let cli;
try {
  cli = require(main);
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(main)) {
    process.stderr.write('govcat 尚未构建，请在项目目录运行 npm run build 后重试。\n');
    process.exit(2);
  }
  throw e;
}
cli.runCliProcess(process.argv.slice(2));
