// Writes the add-in's PNG icons (16–128 px, the 192 px colour icon and the 32 px outline icon of the
// unified manifest): two linked circles, a mentor and a mentee, on the accent colour. Run once:
// `node scripts/make-icons.mjs`; the PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const table = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size, size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const accent = [15, 108, 189, 255];
const white = [255, 255, 255, 255];
const clear = [0, 0, 0, 0];
const distance = (x, y, cx, cy) => Math.hypot(x - cx, y - cy);
function onLink(x, y, width) {
  // The segment from (0.34, 0.62) to (0.66, 0.38).
  const [ax, ay, bx, by] = [0.34, 0.62, 0.66, 0.38];
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return distance(x, y, ax + t * (bx - ax), ay + t * (by - ay)) < width;
}
function mark(x, y) {
  return distance(x, y, 0.32, 0.64) < 0.16 || distance(x, y, 0.68, 0.36) < 0.16 || onLink(x, y, 0.05);
}
function colour(x, y) {
  const corner = 0.18;
  const dx = Math.max(corner - x, 0, x - (1 - corner));
  const dy = Math.max(corner - y, 0, y - (1 - corner));
  if (Math.hypot(dx, dy) > corner) return clear;
  return mark(x, y) ? white : accent;
}
function outline(x, y) {
  return mark(x, y) ? [0, 0, 0, 255] : clear;
}

const out = new URL('../public/assets/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) writeFileSync(new URL(`icon-${size}.png`, out), png(size, colour));
writeFileSync(new URL('color.png', out), png(192, colour));
writeFileSync(new URL('outline.png', out), png(32, outline));
console.log(`icons written to ${out.pathname}`);
