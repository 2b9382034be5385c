/**
 * `npm run bench`: prints the figures the issues ask for. Never part of `npm test`.
 * `node dist/test/bench/run.js engine`, `load` or `review` runs one part; `engine --rounds N` sets how many
 * interleaved rounds of the engine figures are run; `load --child-server` puts the server in its
 * own process.
 */
import { engineBench } from './engine-bench';
import { loadBench } from './load-bench';
import { reviewBench } from './review-bench';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const part = args[0] ?? 'all';
  const rounds = args.indexOf('--rounds');
  if (part === 'all' || part === 'engine') await engineBench(rounds === -1 ? undefined : Number(args[rounds + 1]));
  if (part === 'all' || part === 'load') await loadBench({ server: args.includes('--child-server') ? 'child' : 'in-process' });
  if (part === 'all' || part === 'review') await reviewBench();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
