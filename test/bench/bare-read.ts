/**
 * The engine benchmark's exceljs figure, run as its own process: a plain exceljs streaming read,
 * nothing of the product loaded. Every row of every sheet is iterated and every cell's value
 * read, with the options a reader that only wants values would pass.
 */
import ExcelJS from 'exceljs';

export const BARE_READ_OPTIONS = { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' } as const;

async function main(file: string): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, BARE_READ_OPTIONS);
  let rows = 0;
  let cells = 0;
  for await (const ws of reader) {
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      rows++;
      row.eachCell({ includeEmpty: false }, (c) => {
        if (c.value !== undefined) cells++;
      });
    }
  }
  process.stdout.write(JSON.stringify({ rows, cells }));
}

main(process.argv[2]).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
