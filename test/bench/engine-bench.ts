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

    const bare: number[] = [];
    const cli: number[] = [];
    let bareRss = 0;
    let cliRss = 0;
    let exitCode: unknown;
    for (let i = 0; i < runs; i++) {
      // Alternate so that machine noise falls on both sides alike.
      const a = measure(script, 'bare', file);
      const b = measure(script, 'cli', file);
      bare.push(a.ms);
      cli.push(b.ms);
      bareRss = Math.max(bareRss, a.maxRssMb);
      cliRss = Math.max(cliRss, b.maxRssMb);
      exitCode = b.exitCode;
    }
    const a = median(bare);
    const b = median(cli);

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
    console.log('校验引擎（issue 2）');
    console.log(`  (a) exceljs 流式读取（仅读取）  中位数 ${(a / 1000).toFixed(2)} s   [${bare.map((x) => (x / 1000).toFixed(2)).join(', ')}]  峰值 RSS ${bareRss.toFixed(0)} MB`);
    console.log(`  (b) CLI 完整校验（读取+校验+报告） 中位数 ${(b / 1000).toFixed(2)} s   [${cli.map((x) => (x / 1000).toFixed(2)).join(', ')}]  退出码 ${String(exitCode)}`);
    console.log(`      b/a = ${(b / a).toFixed(3)}   （目标 ≤ 1.25）`);
    console.log(`      CLI 峰值 RSS = ${cliRss.toFixed(0)} MB   （目标 ≤ 400 MB）`);
    console.log(`  (c) 内存中校验网格  中位数 ${Math.round(median(speeds)).toLocaleString()} 行/秒   [${speeds.map((x) => Math.round(x).toLocaleString()).join(', ')}]  （目标 ≥ 500,000 行/秒；发现 ${errors} 个错误）`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
