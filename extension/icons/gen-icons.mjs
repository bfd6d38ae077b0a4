// Generates the TrustLens toolbar/store icons (a shield with a lens) as PNG
// files, using only node:zlib. Run: node extension/icons/gen-icons.mjs
// The PNGs are committed; this script is not shipped (scripts/build.sh drops gen-*.mjs).
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 48, 128];
const SAMPLES = 4; // supersampling per axis, for smooth edges

const SHIELD = [29, 78, 216]; // #1d4ed8
const EDGE = [30, 58, 138]; // #1e3a8a
const LENS = [255, 255, 255];

// Shield: flat top, straight sides, rounded point at the bottom (unit square).
function inShield(x, y, inset = 0) {
  const top = 0.06 + inset, half = 0.38 - inset, shoulder = 0.52, tip = 0.96 - inset;
  if (y < top || y > tip) return false;
  const dx = Math.abs(x - 0.5);
  if (y <= shoulder) return dx <= half;
  const t = (y - shoulder) / (tip - shoulder);
  return dx <= half * Math.sqrt(1 - t * t);
}

// Lens: a ring and a short handle.
function inLens(x, y) {
  const cx = 0.46, cy = 0.42, r = 0.16, w = 0.055;
  const d = Math.hypot(x - cx, y - cy);
  if (Math.abs(d - r) <= w) return true;
  // handle from the ring towards bottom-right
  const ax = cx + (r + w) * Math.SQRT1_2, ay = cy + (r + w) * Math.SQRT1_2;
  const bx = 0.7, by = 0.68;
  const vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy)) <= w * 1.2;
}

function pixel(size, px, py) {
  const acc = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES) / size;
      const y = (py + (sy + 0.5) / SAMPLES) / size;
      let c = null;
      if (inShield(x, y)) c = inLens(x, y) ? LENS : inShield(x, y, 0.05) ? SHIELD : EDGE;
      if (c) { acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 1; }
    }
  }
  const n = acc[3];
  if (!n) return [0, 0, 0, 0];
  return [Math.round(acc[0] / n), Math.round(acc[1] / n), Math.round(acc[2] / n), Math.round((255 * n) / (SAMPLES * SAMPLES))];
}

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size) {
  const raw = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(size, x, y);
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const s of SIZES) {
  const file = join(here, `icon-${s}.png`);
  writeFileSync(file, png(s));
  console.log('wrote', file);
}
