/**
 * The floor of the engine benchmark, run as its own process: the zip inflate of exactly the parts
 * a reader must read (the worksheets and the shared strings), the same way the reader inflates
 * them (yauzl's random access, zlib in 256 KiB chunks), and nothing else: no decoding, no parsing.
 */
import { openGuardedZip, DEFAULT_ZIP_LIMITS } from '../../server/src/xlsx/zip-guard';
import yauzl from 'yauzl';

const PARTS = /^xl\/(?:worksheets\/[^/]+|sharedStrings)\.xml$/i;

async function main(file: string): Promise<void> {
  const names: string[] = [];
  const listing = await yauzl.openPromise(file, { lazyEntries: true });
  for await (const entry of listing.eachEntry()) if (PARTS.test(entry.fileName)) names.push(entry.fileName);
  listing.close();
  const zip = await openGuardedZip(file, DEFAULT_ZIP_LIMITS);
  let bytes = 0;
  for (const name of names) {
    for await (const chunk of await zip.openInflated(zip.entry(name)!, 256 * 1024)) bytes += (chunk as Buffer).length;
  }
  zip.close();
  process.stdout.write(JSON.stringify({ parts: names.length, bytes }));
}

main(process.argv[2]).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
