// Draws build/icon.png (1024×1024), the source electron-builder turns into every platform's icon:
// a white shield with a check mark on a deep-blue rounded square. Kept as code so the icon can be
// regenerated or adjusted without an image editor: `node build/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4; // per axis, for anti-aliasing
const BACKGROUND = [0x1d, 0x3b, 0x63];
const FOREGROUND = [0xff, 0xff, 0xff];

function insideRoundedSquare(x, y) {
  const margin = 0.06;
  const radius = 0.2;
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideShield(x, y) {
  const top = 0.22;
  const shoulder = 0.52;
  const tip = 0.84;
  const halfWidth = 0.24;
  const dx = Math.abs(x - 0.5);
  if (dx > halfWidth || y > tip) return false;
  // The top edge dips gently towards the middle.
  if (y < top + 0.04 * (1 - (dx / halfWidth) ** 2)) return false;
  if (y <= shoulder) return true;
  // Below the shoulders the sides curve in to a point.
  const t = (y - shoulder) / (tip - shoulder);
  return dx <= halfWidth * (1 - t ** 1.8) ** 0.75;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

function onCheckMark(x, y) {
  const a = [0.385, 0.5];
  const b = [0.47, 0.59];
  const c = [0.625, 0.405];
  return Math.min(distanceToSegment(x, y, a, b), distanceToSegment(x, y, b, c)) <= 0.032;
}

/** RGBA of one sample: background square, shield in white, check mark cut out in blue. */
function sample(x, y) {
  if (!insideRoundedSquare(x, y)) return [0, 0, 0, 0];
  if (insideShield(x, y) && !onCheckMark(x, y)) return [...FOREGROUND, 255];
  return [...BACKGROUND, 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let row = 0; row < SIZE; row += 1) {
  raw[row * (SIZE * 4 + 1)] = 0; // PNG filter: none
  for (let col = 0; col < SIZE; col += 1) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy += 1) {
      for (let sx = 0; sx < SAMPLES; sx += 1) {
        const rgba = sample((col + (sx + 0.5) / SAMPLES) / SIZE, (row + (sy + 0.5) / SAMPLES) / SIZE);
        // Premultiply so edges against transparency do not darken.
        for (let channel = 0; channel < 3; channel += 1) sum[channel] += rgba[channel] * rgba[3];
        sum[3] += rgba[3];
      }
    }
    const offset = row * (SIZE * 4 + 1) + 1 + col * 4;
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    for (let channel = 0; channel < 3; channel += 1) {
      raw[offset + channel] = sum[3] === 0 ? 0 : Math.round(sum[channel] / sum[3]);
    }
    raw[offset + 3] = Math.round(alpha);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.error(`wrote ${out} (${png.length} bytes)`);
