// The esbuild settings every browser bundle shares (the task pane, the review pages): one place to change the target.
const { build } = require('esbuild');
const { mkdirSync } = require('node:fs');
const { dirname } = require('node:path');

exports.bundleForBrowser = function bundleForBrowser(entry, outfile) {
  mkdirSync(dirname(outfile), { recursive: true });
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
    outfile,
    logLevel: 'warning',
  });
};
