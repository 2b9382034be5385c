/**
 * Figure (c) of the engine benchmark, run as its own process: the engine checking the generated
 * template's rows held in memory as a grid, as the add-in hands them over. One warm-up run, then
 * RUNS measured ones; prints their speeds in rows per second.
 */
import { validateWorkbook, type CellValue } from '../../shared/src';
import { BENCH_RESOURCE, benchRow, benchTemplateHead } from './template-data';

const RUNS = 4;

function main(rows: number): void {
  const grid: CellValue[][] = [...benchTemplateHead(), ...Array.from({ length: rows }, (_, i) => benchRow(i))];
  const speeds: number[] = [];
  let errors = 0;
  for (let i = 0; i <= RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const report = validateWorkbook({ sheets: [{ name: '低保对象', rows: grid }] }, { catalogue: [BENCH_RESOURCE] });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (i > 0) speeds.push(rows / seconds);
    errors = report.counts.errors;
  }
  process.stdout.write(JSON.stringify({ speeds, errors }));
}

main(Number(process.argv[2]));
