/**
 * Manual measurement, not a test: how readWorkbook compares with a bare exceljs streaming read
 * of the same 200,000-row × 12-column file, in time and peak RSS. Each read runs in its own
 * process so that maxRSS is its own.
 *
 *   npx tsc -p tsconfig.build.json --outDir .tmp/m && node .tmp/m/server/src/xlsx/measure-read.js [rows] [rounds]
 *
 * Two files are measured: one from writeWorkbook (streaming, inline strings) and one with a
 * shared-strings table, as Excel itself writes. Both are deleted afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../shared/src/grid';
import { readWorkbook } from './read';
import { writeWorkbook } from './write';

const COLUMNS = ['序号', '数据资源名称', '提供单位', '身份证号', '登记日期', '金额（元）', '数量', '共享方式', '资源编码', '备注', '联系电话', '是否开放'];
const UNITS = ['市统计局', '市公安局', '市市场监督管理局', '市人力资源和社会保障局', '市自然资源和规划局'];
const NAMES = ['企业基本信息', '个人社保缴纳记录', '不动产登记信息', '统计调查证信息表', '行政处罚决定书'];

function dataRow(i: number): CellValue[] {
  const id = `3402${String(19700101 + (i % 9000)).padStart(8, '0')}${String(i % 10000).padStart(4, '0')}`.slice(0, 17) + 'X';
  return [
    i,
    `${NAMES[i % NAMES.length]}（第${i}批）`,
    UNITS[i % UNITS.length],
    id,
    43831 + (i % 2000),
    Math.round(i * 13.37) / 100,
    i % 97,
    i % 3 === 0 ? '接口' : '库表',
    `GX-${String(i).padStart(6, '0')}`,
    i % 5 === 0 ? null : `每月更新，第${i % 31}日前报送`,
    `139${String(i).padStart(8, '0')}`,
    i % 2 === 0 ? '是' : '否',
  ];
}

async function writeInline(path: string, rows: number): Promise<void> {
  const grid: CellValue[][] = [COLUMNS];
  for (let i = 1; i <= rows; i++) grid.push(dataRow(i));
  await writeWorkbook({ sheets: [{ name: '数据资源目录', rows: grid }] }, path, { streaming: true });
}

async function writeSharedStrings(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('数据资源目录');
  ws.addRow(COLUMNS).commit();
  for (let i = 1; i <= rows; i++) ws.addRow(dataRow(i)).commit();
  ws.commit();
  await wb.commit();
}

const BARE_OPTIONS = { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' } as const;

async function bareRead(path: string, how: 'values' | 'getCell'): Promise<number> {
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, BARE_OPTIONS);
  for await (const ws of reader) {
    for await (const row of ws) {
      if (how === 'values') {
        const values = row.values as unknown[];
        for (let c = 1; c < values.length; c++) if (values[c] !== undefined) cells++;
      } else {
        for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value !== null) cells++;
      }
    }
  }
  return cells;
}

async function ourRead(path: string): Promise<number> {
  const grid = await readWorkbook(path);
  let cells = 0;
  for (const sheet of grid.sheets) for (const row of sheet.rows) for (const v of row) if (v !== null) cells++;
  return cells;
}

/** Runs in a child: one read, then its time and peak RSS as JSON on stdout. */
async function child(mode: string, path: string): Promise<void> {
  const start = process.hrtime.bigint();
  const cells = mode === 'read' ? await ourRead(path) : await bareRead(path, mode === 'bare-getCell' ? 'getCell' : 'values');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ mode, cells, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function measure(mode: string, path: string): { ms: number; maxRssMb: number; cells: number } {
  return JSON.parse(execFileSync(process.execPath, [__filename, '--child', mode, path], { encoding: 'utf8' }));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3], process.argv[4]);
  const rows = Number(process.argv[2] ?? 200_000);
  const rounds = Number(process.argv[3] ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'measure-read-'));
  try {
    for (const [label, write] of [
      ['inline strings (writeWorkbook)', writeInline],
      ['shared strings', writeSharedStrings],
    ] as const) {
      const path = join(dir, 'data.xlsx');
      await write(path, rows);
      console.log(`\n${label}: ${rows} rows × ${COLUMNS.length} columns, ${(statSync(path).size / 1048576).toFixed(1)} MB, ${rounds} interleaved rounds`);
      // Interleaved rounds so that machine noise hits all modes alike; min and median reported.
      const runs = new Map<string, Array<{ ms: number; maxRssMb: number; cells: number }>>();
      for (let round = 0; round < rounds; round++) {
        for (const mode of ['bare-values', 'bare-getCell', 'read']) runs.set(mode, [...(runs.get(mode) ?? []), measure(mode, path)]);
      }
      const stats = (mode: string) => {
        const ms = runs.get(mode)!.map((m) => m.ms).sort((a, b) => a - b);
        return { min: ms[0], median: ms[Math.floor(ms.length / 2)], maxRssMb: Math.max(...runs.get(mode)!.map((m) => m.maxRssMb)), cells: runs.get(mode)![0].cells };
      };
      const bare = stats('bare-values');
      for (const mode of runs.keys()) {
        const m = stats(mode);
        console.log(
          `  ${mode.padEnd(13)} min ${m.min} ms, median ${m.median} ms (×${(m.min / bare.min).toFixed(2)} / ×${(m.median / bare.median).toFixed(2)} of bare-values)  peak RSS ≤ ${m.maxRssMb} MB  cells ${m.cells}`,
        );
      }
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
