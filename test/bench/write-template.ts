/**
 * Writes the benchmark's template in a process of its own: Linux keeps a process's peak RSS
 * across fork and exec, so a child spawned by a parent that had built the 200,000 rows itself
 * would start with the parent's peak (~156 MB) as its own, and small figures (the floor) could
 * not be seen below it.
 */
import { writeBenchWorkbook, ROWS } from './engine-bench';

writeBenchWorkbook(process.argv[2], Number(process.argv[3] ?? ROWS)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
