/** The engine benchmark's "new reader", run as its own process: the product's .xlsx reader alone (xlsx-sheets.ts), no validation. */
import { streamWorkbook } from '../../server/src/xlsx/read';

async function main(file: string): Promise<void> {
  let rows = 0;
  let cells = 0;
  await streamWorkbook(file, {
    beginSheet: () => ({
      row: (_index, values) => {
        rows++;
        cells += values.length;
      },
      end: () => undefined,
    }),
  });
  process.stdout.write(JSON.stringify({ rows, cells }));
}

main(process.argv[2]).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
