// Bundles the task pane into dist/addin/ (static files the server serves at /addin/).
const { build } = require('esbuild');
const { copyFileSync, cpSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const out = join(__dirname, '..', 'dist', 'addin');
mkdirSync(out, { recursive: true });
build({
  entryPoints: [join(__dirname, 'src', 'taskpane', 'index.tsx')],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  outfile: join(out, 'taskpane.js'),
  logLevel: 'warning',
})
  .then(() => {
    copyFileSync(join(__dirname, 'taskpane.html'), join(out, 'taskpane.html'));
    cpSync(join(__dirname, 'assets'), join(out, 'assets'), { recursive: true });
  })
  .catch(() => process.exit(1));
