import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root (the nearest folder with package.json), from sources or from dist/ alike;
 * for a build placed elsewhere (tests compile to a temporary folder), from the working directory.
 */
export function projectRoot(from = __dirname): string {
  for (const start of [from, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return from;
}

/** The built task pane (npm run build), and the office.js package served for intranets. */
export const ADDIN_DIR = join(projectRoot(), 'dist', 'addin');
/** The built review pages (npm run build): app.js and index.html. */
export const WEB_DIR = join(projectRoot(), 'dist', 'web');
export const OFFICE_JS_DIR = join(projectRoot(), 'node_modules', '@microsoft', 'office-js', 'dist');
/** The pane's page as written (the build copies it unchanged). */
export const TASKPANE_HTML = join(projectRoot(), 'addin', 'taskpane.html');
