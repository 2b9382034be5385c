/**
 * The check workers' time and memory limits, on the compiled build (workers need their .js), in a
 * process of its own: a check that runs too long is abandoned with a clear refusal, a worker that
 * runs out of memory dies alone with one too, and in both cases the next check succeeds on the
 * worker piscina started in its place.
 */
import { compiledBuildFor } from './fixtures/compiled-build';

const compiled = compiledBuildFor('govcat-check-limits-');

/**
 * Runs in a child process against the compiled build; prints its findings as JSON. The heavy
 * workbook, 50,000 resources (100,000 catalogue rows, 15 MB of JSON), takes seconds and hundreds of
 * MB to check; the light one, a few milliseconds and almost nothing.
 */
const SCENARIO = `
const { join } = require('node:path');
const build = process.argv[1];
const { loadConfig } = require(join(build, 'server/src/config.js'));
const { SubmissionChecker } = require(join(build, 'server/src/services/checker.js'));
const { checkedOrThrow } = require(join(build, 'server/src/services/check-workbook.js'));
const { catalogueSheet, validResource } = require(join(build, 'shared/src/testing.js'));
const body = (n) => ({ format: 'json', bytes: Buffer.from(JSON.stringify({ workbook: { sheets: [catalogueSheet(Array.from({ length: n }, (_, i) => validResource({ 数据资源名称: '资源' + i })))] } })) });
const heavy = body(50000);
const light = body(2);
const catalogue = { version: 1, resources: [] };
const refusal = (result) => { try { checkedOrThrow(result); return null; } catch (e) { return { status: e.status, code: e.code, message: e.message }; } };
(async () => {
  const out = {};
  for (const [name, env] of [['timeout', { CHECK_TIMEOUT_SECONDS: '1' }], ['memory', { CHECK_WORKER_MEMORY_MB: '64' }]]) {
    const config = loadConfig({ DATA_DIR: '/tmp/govcat-check-limits', MAX_ROWS: '1000000', MAX_CELLS: '100000000', ...env });
    const checker = new SubmissionChecker(1, config.checkLimits);
    const limits = { rows: config.limits.rows, cells: config.limits.cells, uncompressedBytes: config.limits.uncompressedBytes };
    out[name] = {
      limits: config.checkLimits,
      refused: refusal(await checker.check(heavy, catalogue, limits, 'store')),
      next: (await checker.check(light, catalogue, limits, 'store')).ok,
      threads: checker.threads,
    };
    await checker.close();
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

it('a check past its time or a worker past its memory gets a 422 that says so; the pool recovers and the next check succeeds', () => {
  const run = compiled.run(SCENARIO, [], 120_000);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe(0);
  const out = JSON.parse(run.stdout);
  expect(out.timeout).toEqual({
    limits: { timeoutMs: 1000, workerMemoryMb: 2048 },
    refused: { status: 422, code: 'check-timeout', message: expect.stringMatching(/^校验超时：工作簿过于复杂，1 秒内未能校验完/) },
    next: true,
    threads: 1,
  });
  expect(out.memory).toEqual({
    limits: { timeoutMs: 120_000, workerMemoryMb: 64 },
    refused: { status: 422, code: 'check-too-large', message: expect.stringMatching(/^工作簿过大：校验所需的内存超过了 64 MB 的上限/) },
    next: true,
    threads: 1,
  });
}, 150_000);
