/** `npm run bench`: prints the figures the issues ask for. Never part of `npm test`. */
import { child, engineBench } from './engine-bench';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  await engineBench(__filename);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
