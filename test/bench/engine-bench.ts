/**
 * Issues 2 and 19's figures: for a generated 200,000-row × 12-column data template .xlsx, in one run:
 * the floor (zip inflate of the worksheets and shared strings, nothing parsed), the product's
 * reader alone, a bare exceljs streaming read, SheetJS CE's dense read, and `govcat validate
 * --json` (read, validate, full report); each as a ratio to the floor, with its peak RSS. Then (c),
 * in-memory validation speed of the same rows as a grid.
 *
 * Every mode runs as a process of its own, timed from outside from spawn to exit (Node's start-up
 * and module loading included), in rounds that interleave the modes in alternating order, so that
 * a busy machine slows every mode alike; ratios are given from the medians and per round. Peak
 * RSS and CPU time are the child's own getrusage figures (see rusage-probe.ts). CPU time is shown
 * beside wall time because it moves much less when other work shares the processors.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { benchCatalogueRows, benchRow, benchTemplateHead } from './template-data';

export const ROWS = 200_000;
/** Identity numbers broken on purpose in the generated rows (one in 500). */
const EXPECTED_ERRORS = ROWS / 500;

const GOVCAT = join(__dirname, '../../../server/bin/govcat.js');
const PROBE = join(__dirname, 'rusage-probe.js');

export async function writeBenchWorkbook(path: string, rows: number): Promise<void> {
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

type Mode = 'floor' | 'reader' | 'bare' | 'sheetjs' | 'cli' | 'grid';

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  stdout: string;
  exitCode: number | null;
}

function command(mode: Mode, file: string): string[] {
  switch (mode) {
    case 'floor':
      return [join(__dirname, 'inflate-floor.js'), file];
    case 'reader':
      return [join(__dirname, 'reader-only.js'), file];
    case 'bare':
      return [join(__dirname, 'bare-read.js'), file];
    case 'sheetjs':
      return [join(__dirname, 'sheetjs-read.js'), file];
    case 'cli':
      // What a user runs: the installed launcher, the full JSON report written to a pipe.
      return [GOVCAT, 'validate', file, '--json'];
    case 'grid':
      return [join(__dirname, 'grid-validate.js'), String(ROWS)];
  }
}

/** One measured run of `mode` in a child process. */
function measure(mode: Mode, file: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', PROBE, ...command(mode, file)], { stdio: ['ignore', 'pipe', 'inherit', 'pipe'] });
    let stdout = '';
    let usage = '';
    child.stdout!.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    (child.stdio[3] as Readable).setEncoding('utf8').on('data', (t: string) => (usage += t));
    child.once('error', reject);
    child.once('close', (exitCode) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      try {
        const u = JSON.parse(usage) as { maxRssKb: number; cpuUs: number };
        resolve({ wallMs, cpuMs: u.cpuUs / 1000, maxRssMb: u.maxRssKb / 1024, stdout, exitCode });
      } catch {
        reject(new Error(`${mode}: 子进程没有报告资源用量（退出码 ${exitCode}）`));
      }
    });
  });
}

/** The CLI must have produced the whole report, not merely exited. */
function checkCliReport(run: Run): void {
  const report = JSON.parse(run.stdout) as { counts?: { errors?: number }; sheets?: Array<{ dataRows?: number }> };
  const dataRows = Math.max(...(report.sheets ?? []).map((s) => s.dataRows ?? 0));
  if (run.exitCode !== 1 || report.counts?.errors !== EXPECTED_ERRORS || dataRows !== ROWS) {
    throw new Error(`CLI 报告不完整：退出码 ${run.exitCode}，错误 ${report.counts?.errors}，数据行 ${dataRows}`);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const sec = (ms: number) => (ms / 1000).toFixed(2);
const range = (xs: number[], f: (x: number) => string) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
const mark = (ok: boolean) => (ok ? '达标' : '未达标');

const LABELS: Record<Exclude<Mode, 'grid'>, string> = {
  floor: '解压下限（只解压工作表和共享字符串，不解析）',
  reader: '本产品的读取器（xlsx-sheets.ts，不校验）',
  bare: 'exceljs 流式读取（WorkbookReader，读取每个单元格）',
  sheetjs: 'SheetJS CE（@e965/xlsx）dense 读取',
  cli: 'govcat validate --json（读取+校验+完整报告）',
};

export async function engineBench(rounds = 3): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-bench-'));
  try {
    const file = join(dir, 'template-200k.xlsx');
    console.log(`生成测试文件：${ROWS.toLocaleString()} 行 × 12 列数据模板 …`);
    const written = spawnSync(process.execPath, [join(__dirname, 'write-template.js'), file, String(ROWS)], { stdio: 'inherit' });
    if (written.status !== 0) throw new Error('生成测试文件失败');
    console.log(`  文件大小 ${(statSync(file).size / 1048576).toFixed(1)} MB；每种方式 ${rounds} 轮，交替运行，每次一个独立进程`);

    const modes: Mode[] = ['floor', 'reader', 'bare', 'sheetjs', 'cli', 'grid'];
    const timed = modes.filter((m): m is Exclude<Mode, 'grid'> => m !== 'grid');
    const runs: Record<Mode, Run[]> = { floor: [], reader: [], bare: [], sheetjs: [], cli: [], grid: [] };
    const speeds: number[] = [];
    let errors = 0;
    for (let i = 0; i < rounds; i++) {
      // Alternate the order too, so that no mode always follows another.
      for (const mode of i % 2 === 0 ? modes : [...modes].reverse()) {
        const run = await measure(mode, file);
        if (run.exitCode !== 0 && mode !== 'cli') throw new Error(`${mode}: 退出码 ${run.exitCode}`);
        if (mode === 'cli') checkCliReport(run);
        if (mode === 'grid') {
          const c = JSON.parse(run.stdout) as { speeds: number[]; errors: number };
          speeds.push(median(c.speeds));
          errors = c.errors;
        }
        runs[mode].push(run);
      }
      const r = (m: Mode) => runs[m][i];
      console.log(`  第 ${i + 1} 轮  ${timed.map((m) => `${m} ${sec(r(m).wallMs)} s ${r(m).maxRssMb.toFixed(0)} MB`).join('  ')}  (c) ${Math.round(speeds[i]).toLocaleString()} 行/秒`);
    }

    const wall = (m: Mode) => runs[m].map((r) => r.wallMs);
    const cpu = (m: Mode) => runs[m].map((r) => r.cpuMs);
    const rss = (m: Mode) => runs[m].map((r) => r.maxRssMb);
    const perRound = (m: Mode, over: Mode) => wall(m).map((w, i) => w / wall(over)[i]);
    const ratio = (m: Mode, over: Mode) => median(wall(m)) / median(wall(over));

    console.log('');
    console.log(`读取与校验（issue 19），${rounds} 轮，每次在独立进程中从启动计到退出；倍数 = 耗时中位数之比（括号内为逐轮范围）`);
    for (const m of timed) {
      console.log(
        `  ${LABELS[m].padEnd(36, '　')}  ${sec(median(wall(m)))} s（${range(wall(m), sec)}）  处理器 ${sec(median(cpu(m)))} s  ${ratio(m, 'floor').toFixed(2)} × 下限（${range(perRound(m, 'floor'), (x) => x.toFixed(2))}）  峰值 RSS ${median(rss(m)).toFixed(0)} MB（${range(rss(m), (x) => x.toFixed(0))}）`,
      );
    }
    const cliOverFloor = ratio('cli', 'floor');
    const maxRss = Math.max(...rss('cli'));
    console.log(`  govcat validate ≤ 3 × 下限：${cliOverFloor.toFixed(2)} × ${mark(cliOverFloor <= 3)}；峰值 RSS 最高 ${maxRss.toFixed(0)} MB ≤ 200 MB ${mark(maxRss <= 200)}`);
    for (const m of ['bare', 'sheetjs'] as const) {
      const slower = ratio(m, 'cli');
      console.log(`  ${LABELS[m]} 比 govcat validate 慢 ${slower.toFixed(2)} 倍（逐轮 ${range(perRound(m, 'cli'), (x) => x.toFixed(2))}）  目标 ≥ 3 ${mark(slower >= 3)}`);
    }
    const speed = median(speeds);
    console.log(`  (c) 内存中校验网格（每轮一个进程，预热 1 次后取 4 次的中位数）  中位数 ${Math.round(speed).toLocaleString()} 行/秒（${range(speeds, (x) => Math.round(x).toLocaleString())}）  目标 ≥ 500,000 行/秒 ${mark(speed >= 500_000)}；发现 ${errors} 个错误`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
