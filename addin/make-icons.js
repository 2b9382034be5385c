// Draws the add-in's icons (a blue tile with a white catalogue grid) as PNGs at the sizes Office
// asks for. Run once: node addin/make-icons.js — the PNGs are committed under addin/assets/.
const { deflateSync, crc32 } = require('node:zlib');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function icon(size) {
  const blue = [0x10, 0x6e, 0xbe, 255];
  const white = [255, 255, 255, 255];
  const rows = [];
  const m = Math.max(1, Math.round(size * 0.18)); // margin of the white sheet
  const line = Math.max(1, Math.round(size / 16));
  for (let y = 0; y < size; y++) {
    const row = [0]; // filter: none
    for (let x = 0; x < size; x++) {
      const inSheet = x >= m && x < size - m && y >= m && y < size - m;
      // Grid lines on the sheet: a header rule and two column rules, in blue.
      const rule = inSheet && ((y - m) % Math.max(2, Math.round((size - 2 * m) / 4)) < line || Math.abs(x - Math.round(size * 0.42)) < line);
      row.push(...(inSheet && !rule ? white : blue));
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(__dirname, 'assets', `icon-${size}.png`), icon(size));
