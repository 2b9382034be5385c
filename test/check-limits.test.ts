/**
 * The check workers' time and memory limits, on the compiled build (workers need their .js), in a
 * process of its own: a check that runs too long is abandoned with a clear refusal, a worker that
 * runs out of memory dies alone with one too, and in both cases the next check succeeds on the
 * worker piscina started in its place.
 */
import { compiledBuildFor } from './fixtures/compiled-build';

const compiled = compiledBuildFor('govcat-check-limits-');

/**
 * Runs in a child process against the compiled build; prints its findings as JSON. The long
 * workbook, 150,000 resources (300,000 catalogue rows, about 45 MB of JSON), takes seconds to check,
 * the light one a few milliseconds: the time limit, 0.2 s, sits far from both, so neither a fast nor
 * a busy machine moves either to the other side. The memory case uses 50,000 resources (15 MB), which
 * need hundreds of MB against a 64 MB heap: a body far larger than the heap would be one allocation
 * past the limit, which aborts the whole process instead of the worker (nodejs/node#47224), the
 * reason loadConfig wants the heap at least 8 times the JSON limit.
 */
const SCENARIO = `
const { join } = require('node:path');
const build = process.argv[1];
const { loadConfig } = require(join(build, 'server/src/config.js'));
const { SubmissionChecker } = require(join(build, 'server/src/modules/submissions/checker.js'));
const { checkedOrThrow } = require(join(build, 'server/src/modules/submissions/check-workbook.js'));
const { catalogueSheet, validResource } = require(join(build, 'shared/src/testing.js'));
const body = (n) => ({ format: 'json', bytes: Buffer.from(JSON.stringify({ workbook: { sheets: [catalogueSheet(Array.from({ length: n }, (_, i) => validResource({ 数据资源名称: '资源' + i })))] } })) });
const long = body(150000);
const heavy = body(50000);
const light = body(2);
const catalogue = { version: 1, resources: [] };
const refusal = (result) => { try { checkedOrThrow(result); return null; } catch (e) { return { status: e.status, code: e.code, message: e.message }; } };
(async () => {
  const out = {};
  for (const [name, env] of [['timeout', { CHECK_TIMEOUT_SECONDS: '0.2' }], ['memory', { CHECK_WORKER_MEMORY_MB: '64', JSON_MAX_BYTES: String(8 * 1024 * 1024) }]]) {
    const config = loadConfig({ DATA_DIR: '/tmp/govcat-check-limits', MAX_ROWS: '1000000', MAX_CELLS: '100000000', ...env });
    const checker = new SubmissionChecker(1, config.checkLimits);
    const limits = { rows: config.limits.rows, cells: config.limits.cells, uncompressedBytes: config.limits.uncompressedBytes };
    out[name] = {
      limits: config.checkLimits,
      refused: refusal(await checker.check(name === 'timeout' ? long : heavy, catalogue, limits, 'store')),
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
  expect({ status: run.status, signal: run.signal, stderr: run.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
  const out = JSON.parse(run.stdout);
  expect(out.timeout).toEqual({
    limits: { timeoutMs: 200, workerMemoryMb: 2048 },
    refused: { status: 422, code: 'check-timeout', message: expect.stringMatching(/^校验超时：工作簿过于复杂，0.2 秒内未能校验完/) },
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
