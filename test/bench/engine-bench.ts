/**
 * Issue 2's figures: for a generated 200,000-row × 12-column data template .xlsx,
 * (a) a bare exceljs streaming read, (b) full validation through the CLI path, b/a, peak RSS,
 * and (c) in-memory validation speed of the same rows as a grid.
 * (a) and (b) run in child processes so that each peak RSS is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { validateWorkbook, type CellValue } from '../../shared/src';
import { runCli } from '../../server/src/cli/main';
import { streamWorkbook } from '../../server/src/xlsx/read';
import { BENCH_RESOURCE, benchCatalogueRows, benchRow, benchTemplateHead } from './template-data';

export const ROWS = 200_000;
const READ_OPTIONS = { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' } as const;

async function writeBenchWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const catalogue = wb.addWorksheet('目录');
  for (const r of benchCatalogueRows()) catalogue.addRow(r).commit();
  catalogue.commit();
  const ws = wb.addWorksheet('低保对象');
  for (const r of benchTemplateHead()) ws.addRow(r).commit();
  for (let i = 0; i < rows; i++) ws.addRow(benchRow(i)).commit();
  ws.commit();
  await wb.commit();
}

/** Child mode: one measured run, printed as JSON on stdout. */
export async function child(mode: string, file: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  let extra: Record<string, unknown> = {};
  if (mode === 'bare') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, READ_OPTIONS);
    let cells = 0;
    for await (const ws of reader) {
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        row.eachCell({ includeEmpty: false }, (c) => {
          if (c.value !== undefined) cells++;
        });
      }
    }
    extra = { cells };
  } else if (mode === 'reader') {
    let rows = 0;
    await streamWorkbook(file, { beginSheet: () => ({ row: () => void rows++, end: () => undefined }) });
    extra = { rows };
  } else {
    let out = 0;
    const code = await runCli(['validate', file, '--json'], { stdout: (t) => (out += t.length), stderr: (t) => process.stderr.write(t) });
    extra = { exitCode: code, reportChars: out };
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, ...extra }));
}

function measure(script: string, mode: string, file: string): { ms: number; maxRssMb: number } & Record<string, unknown> {
  const out = execFileSync(process.execPath, [script, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function engineBench(script: string, runs = 5): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-bench-'));
  try {
    const file = join(dir, 'template-200k.xlsx');
    console.log(`生成测试文件：${ROWS.toLocaleString()} 行 × 12 列数据模板 …`);
    await writeBenchWorkbook(file, ROWS);
    console.log(`  文件大小 ${(statSync(file).size / 1048576).toFixed(1)} MB`);

    const modes = ['bare', 'reader', 'cli'] as const;
    const times: Record<(typeof modes)[number], number[]> = { bare: [], reader: [], cli: [] };
    const rss: Record<(typeof modes)[number], number> = { bare: 0, reader: 0, cli: 0 };
    let exitCode: unknown;
    for (let i = 0; i < runs; i++) {
      // Interleaved, so that machine noise falls on every mode alike.
      for (const mode of modes) {
        const m = measure(script, mode, file);
        times[mode].push(m.ms);
        rss[mode] = Math.max(rss[mode], m.maxRssMb);
        if (mode === 'cli') exitCode = m.exitCode;
      }
    }
    const med = (mode: (typeof modes)[number]) => median(times[mode]);
    const min = (mode: (typeof modes)[number]) => Math.min(...times[mode]);
    const line = (mode: (typeof modes)[number]) =>
      `中位数 ${(med(mode) / 1000).toFixed(2)} s，最短 ${(min(mode) / 1000).toFixed(2)} s   [${times[mode].map((x) => (x / 1000).toFixed(2)).join(', ')}]  峰值 RSS ${rss[mode].toFixed(0)} MB`;

    const grid: CellValue[][] = [...benchTemplateHead(), ...Array.from({ length: ROWS }, (_, i) => benchRow(i))];
    const speeds: number[] = [];
    let errors = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint();
      const report = validateWorkbook({ sheets: [{ name: '低保对象', rows: grid }] }, { catalogue: [BENCH_RESOURCE] });
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      speeds.push(ROWS / s);
      errors = report.counts.errors;
    }

    console.log('');
    console.log(`校验引擎（issue 2），每种方式 ${runs} 次，各在独立进程中运行`);
    console.log(`  (a)  exceljs 流式读取（WorkbookReader，仅读取）  ${line('bare')}`);
    console.log(`  (a') 本产品的读取器（基于 exceljs，不校验）        ${line('reader')}`);
    console.log(`  (b)  CLI 完整校验（读取+校验+报告，退出码 ${String(exitCode)}）   ${line('cli')}`);
    console.log(`       b/a = ${(med('cli') / med('bare')).toFixed(3)}（中位数），${(min('cli') / min('bare')).toFixed(3)}（最短）   目标 ≤ 1.25`);
    console.log(`       CLI 峰值 RSS = ${rss.cli.toFixed(0)} MB（${runs} 次中最高）   目标 ≤ 400 MB`);
    console.log(`  (c) 内存中校验网格  中位数 ${Math.round(median(speeds)).toLocaleString()} 行/秒   [${speeds.map((x) => Math.round(x).toLocaleString()).join(', ')}]  （目标 ≥ 500,000 行/秒；发现 ${errors} 个错误）`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
