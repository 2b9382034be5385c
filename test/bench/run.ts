/**
 * `npm run bench`: prints the figures the issues ask for. Never part of `npm test`.
 * `node dist/test/bench/run.js engine` or `load` runs one part; `load --child-server` puts the
 * server in its own process.
 */
import { child, engineBench } from './engine-bench';
import { loadBench } from './load-bench';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  const part = args[0] ?? 'all';
  if (part === 'all' || part === 'engine') await engineBench(__filename);
  if (part === 'all' || part === 'load') await loadBench({ server: args.includes('--child-server') ? 'child' : 'in-process' });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
