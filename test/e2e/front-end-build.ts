import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../server/src/paths';

/**
 * Builds the task pane and the review pages once per test process. Browser suites run in
 * parallel jest workers; a lock directory keeps two builds from writing dist/ at once while a
 * server reads it.
 */
const LOCK = join(projectRoot(), 'dist', '.front-end-build.lock');
const STALE_MS = 120_000;

export async function buildFrontEnds(): Promise<void> {
  mkdirSync(join(projectRoot(), 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run does not block forever.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    for (const script of [['addin', 'build.js'], ['server', 'web', 'build.js']]) execFileSync(process.execPath, [join(projectRoot(), ...script)], { stdio: 'inherit' });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
