// Bundles the Office task pane into dist/addin/ (static files the server serves at /addin/); the review pages
// have their own script, server/web/build.js.
const { copyFileSync, cpSync } = require('node:fs');
const { join } = require('node:path');
const { bundleForBrowser } = require('../scripts/bundle-browser');

const outDir = join(__dirname, '..', 'dist', 'addin');
bundleForBrowser(join(__dirname, 'src', 'taskpane', 'index.tsx'), join(outDir, 'taskpane.js'))
  .then(() => {
    copyFileSync(join(__dirname, 'taskpane.html'), join(outDir, 'taskpane.html'));
    copyFileSync(join(__dirname, 'legacy-check.js'), join(outDir, 'legacy-check.js'));
    cpSync(join(__dirname, 'assets'), join(outDir, 'assets'), { recursive: true });
  })
  .catch(() => process.exit(1));
