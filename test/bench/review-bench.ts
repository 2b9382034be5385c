/**
 * Reading a large stored submission on the review page: a 300,000-row data template (the most
 * one submission may hold) is stored, then the page's requests are timed — the detail, the sheet
 * outline (the first one parses the grid, on a worker), two pages of rows and the diff — while
 * a probe measures how long the server keeps other requests (/api/health) waiting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWorkbook, type CellValue, type WorkbookGrid } from '../../shared/src';
import { hashPassword, newToken } from '../../server/src/auth/secrets';
import { loadConfig } from '../../server/src/config';
import { start } from '../../server/src/main';
import { readFileSync } from 'node:fs';
import { writeBenchWorkbook } from './engine-bench';
import { benchRow, benchTemplateHead } from './template-data';

const ROWS = 300_000;
/** The upload checked on the upload page: a catalogue and a data template, as a clerk without the add-in sends it. */
const UPLOAD_ROWS = 100_000;

export async function reviewBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-review-'));
  const { server, store, url } = await start(loadConfig({ DATA_DIR: dir, DEMO: 'false', HOST: '127.0.0.1', PORT: '0' }));
  try {
    const dept = await store.departments.create({ name: '芜湖市民政局', code: 'MZJ' });
    const user = await store.users.create({ username: 'reviewer', displayName: '审核人员', role: 'coordinator', departmentId: null, passwordHash: await hashPassword('review-bench-password') });
    const t = newToken();
    await store.tokens.create({ userId: user.id, name: 'bench', prefix: t.prefix, tokenHash: t.hash });
    const rows: CellValue[][] = [...benchTemplateHead()];
    for (let i = 0; i < ROWS; i++) rows.push(benchRow(i));
    const grid: WorkbookGrid = { sheets: [{ name: '城乡低保对象信息', rows }] };
    const jsonBytes = Buffer.byteLength(JSON.stringify(grid));
    // Stored directly: this measures reading, not submitting.
    const { submission } = await store.recordSubmission({
      departmentId: dept.id, taskId: null, sheetKinds: ['template'], grid, report: validateWorkbook(grid, {}),
      submittedBy: user.id, idempotencyKey: null, requestHash: null, originalFile: null, status: 'confirmed',
    });

    let worstWait = 0;
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const t0 = performance.now();
        await fetch(`${url}/api/health`);
        worstWait = Math.max(worstWait, performance.now() - t0);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    console.log('');
    console.log(`审核页面读取大提交：${ROWS.toLocaleString()} 行数据模板（整表 JSON ${(jsonBytes / 1e6).toFixed(1)} MB），逐个请求计时，同时探测其他请求（/api/health）的最长等待`);
    const base = `/api/submissions/${submission.id}`;
    for (const [label, path] of [
      ['详情（报告与审核意见）', base],
      ['工作表概要（首次：在工作线程解析整表）', `${base}/sheets`],
      ['工作表概要（再次：缓存）', `${base}/sheets`],
      ['第 150,001–150,200 行', `${base}/sheets/0/rows?offset=150000&limit=200`],
      ['最后 200 行', `${base}/sheets/0/rows?offset=${ROWS - 200}&limit=200`],
      ['与上次通过版本的差异', `${base}/diff`],
    ]) {
      worstWait = 0;
      const t0 = performance.now();
      const res = await fetch(url + path, { headers: { authorization: `Bearer ${t.token}` } });
      const bytes = (await res.arrayBuffer()).byteLength;
      const ms = performance.now() - t0;
      console.log(`  ${label}：${res.status}，${(bytes / 1024).toFixed(1)} KB，${ms.toFixed(0)} ms；其间其他请求最长等待 ${worstWait.toFixed(0)} ms`);
    }

    const file = join(dir, 'upload.xlsx');
    await writeBenchWorkbook(file, UPLOAD_ROWS);
    const bytes = readFileSync(file);
    const clerk = await store.users.create({ username: 'clerk', displayName: '填报人员', role: 'clerk', departmentId: dept.id, passwordHash: await hashPassword('review-bench-password') });
    const ct = newToken();
    await store.tokens.create({ userId: clerk.id, name: 'bench', prefix: ct.prefix, tokenHash: ct.hash });
    for (const round of [1, 2]) {
      worstWait = 0;
      const form = new FormData();
      form.append('file', new Blob([bytes]), 'upload.xlsx');
      const t0 = performance.now();
      const res = await fetch(`${url}/api/checks`, { method: 'POST', body: form, headers: { authorization: `Bearer ${ct.token}` } });
      const body = (await res.json()) as { report?: { counts: { errors: number } } };
      console.log(`  上传检查 ${UPLOAD_ROWS.toLocaleString()} 行 .xlsx（${(bytes.byteLength / 1e6).toFixed(1)} MB，第 ${round} 次）：${res.status}，错误 ${body.report?.counts.errors ?? '—'}，${(performance.now() - t0).toFixed(0)} ms；其间其他请求最长等待 ${worstWait.toFixed(0)} ms`);
    }
    probing = false;
    await probe;
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
