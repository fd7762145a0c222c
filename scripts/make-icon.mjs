// Draws Juxta's app icon (two answer columns side by side on a rounded square) into
// build/icon.png, 1024 x 1024, with Node's zlib only: signed-distance shapes, anti-aliased by
// coverage. electron-builder derives the macOS .icns and the Windows .ico from this one PNG.
// Usage: node scripts/make-icon.mjs [output.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = resolve(process.argv[2] ?? resolve(projectRoot, 'build/icon.png'));

/** Distance from (x, y) to a rounded rectangle (negative inside). */
function roundedRect(x, y, left, top, width, height, radius) {
  const cx = left + width / 2;
  const cy = top + height / 2;
  const qx = Math.abs(x - cx) - width / 2 + radius;
  const qy = Math.abs(y - cy) - height / 2 + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const coverage = (distance) => Math.min(1, Math.max(0, 0.5 - distance));

function over(pixel, [r, g, b], alpha) {
  const a = alpha + pixel[3] * (1 - alpha);
  if (a === 0) return;
  for (let channel = 0; channel < 3; channel += 1) {
    pixel[channel] = ([r, g, b][channel] * alpha + pixel[channel] * pixel[3] * (1 - alpha)) / a;
  }
  pixel[3] = a;
}

// macOS-style margin: the tile fills about 80% of the canvas.
const tile = { left: 100, top: 100, size: 824, radius: 184 };
const columns = [
  { left: 232, accent: [94, 234, 212] },
  { left: 536, accent: [251, 191, 36] },
];
const column = { top: 252, width: 256, height: 520, radius: 44 };
// Lines of "streamed text" in each column: widths as fractions of the column's inner width.
const lines = [[1, 0.82, 0.94, 0.6], [0.9, 1, 0.7, 0.86, 0.5]];

function shade(x, y) {
  const pixel = [0, 0, 0, 0];
  const tileDistance = roundedRect(x, y, tile.left, tile.top, tile.size, tile.size, tile.radius);
  if (tileDistance > 1) return pixel;
  // Indigo, lighter at the top-left.
  const t = (x + y - 2 * tile.left) / (2 * tile.size);
  over(pixel, [Math.round(67 - 30 * t), Math.round(56 - 26 * t), Math.round(202 - 80 * t)], coverage(tileDistance));
  columns.forEach((spec, index) => {
    const card = roundedRect(x, y, spec.left, column.top, column.width, column.height, column.radius);
    over(pixel, [248, 250, 252], coverage(card) * 0.96);
    // A coloured header bar: the model's name.
    const header = roundedRect(x, y, spec.left + 36, column.top + 40, column.width - 72, 44, 22);
    over(pixel, spec.accent, coverage(header));
    (lines[index] ?? []).forEach((fraction, lineIndex) => {
      const width = (column.width - 72) * fraction;
      const bar = roundedRect(x, y, spec.left + 36, column.top + 130 + lineIndex * 62, width, 26, 13);
      over(pixel, [148, 163, 184], coverage(bar));
    });
  });
  return pixel;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y += 1) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x += 1) {
    const [r, g, b, a] = shade(x + 0.5, y + 0.5);
    raw.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], row + 1 + x * 4);
  }
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, png);
console.log(`[juxta] Wrote ${output} (${SIZE}x${SIZE}).`);
