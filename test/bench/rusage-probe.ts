/**
 * Loaded into each measured child with `node --require`: as the process exits, writes its own
 * peak RSS and CPU time (getrusage of the process itself) to file descriptor 3, which the
 * benchmark opened as a pipe. The measured program itself is not changed.
 */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  try {
    writeSync(3, JSON.stringify({ maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }));
  } catch {
    // Not run by the benchmark (no descriptor 3): nothing to report to.
  }
});
