// Bundles the review pages into dist/web/ (static files the server serves at /web/). Their own script: the
// pages belong to the server, not to the add-in.
const { copyFileSync } = require('node:fs');
const { join } = require('node:path');
const { bundleForBrowser } = require('../../scripts/bundle-browser');

const outDir = join(__dirname, '..', '..', 'dist', 'web');
bundleForBrowser(join(__dirname, 'src', 'main.tsx'), join(outDir, 'app.js'))
  .then(() => copyFileSync(join(__dirname, 'index.html'), join(outDir, 'index.html')))
  .catch(() => process.exit(1));
