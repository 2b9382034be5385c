/** SheetJS CE's read of the benchmark file, run as its own process: the whole workbook in dense mode, every cell counted. */
import * as XLSX from '@e965/xlsx';

function main(file: string): void {
  const book = XLSX.readFile(file, { dense: true, cellFormula: false, cellHTML: false, cellText: false });
  let rows = 0;
  let cells = 0;
  for (const name of book.SheetNames) {
    for (const row of (book.Sheets[name] as { '!data'?: unknown[][] })['!data'] ?? []) {
      if (!row) continue;
      rows++;
      for (const c of row) if (c) cells++;
    }
  }
  process.stdout.write(JSON.stringify({ rows, cells }));
}

main(process.argv[2]);
