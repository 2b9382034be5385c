// Bundles the Office task pane into dist/addin/ and the server's review pages into dist/web/ (static files the
// server serves at /addin/ and /web/).
const { build } = require('esbuild');
const { copyFileSync, cpSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function bundle(entry, outDir, outName) {
  mkdirSync(outDir, { recursive: true });
  return build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(outDir, outName),
    logLevel: 'warning',
  });
}

const addinOut = join(root, 'dist', 'addin');
const webOut = join(root, 'dist', 'web');
Promise.all([
  bundle(join(__dirname, 'src', 'taskpane', 'index.tsx'), addinOut, 'taskpane.js').then(() => {
    copyFileSync(join(__dirname, 'taskpane.html'), join(addinOut, 'taskpane.html'));
    copyFileSync(join(__dirname, 'legacy-check.js'), join(addinOut, 'legacy-check.js'));
    cpSync(join(__dirname, 'assets'), join(addinOut, 'assets'), { recursive: true });
  }),
  bundle(join(root, 'server', 'web', 'src', 'main.tsx'), webOut, 'app.js').then(() => {
    copyFileSync(join(root, 'server', 'web', 'index.html'), join(webOut, 'index.html'));
  }),
]).catch(() => process.exit(1));
