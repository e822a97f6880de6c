// Crops an 8-bit RGB/RGBA PNG (what Chromium's --screenshot writes) to `width` x `height` pixels:
// decode the scanlines (https://www.w3.org/TR/png/#9Filters), keep the left part, write them back
// with the Up filter. Enough for screenshots; not a general PNG library.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunks(png: Buffer): Array<{ type: string; data: Buffer }> {
  const out: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    out.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + len) });
    at += 12 + len;
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

export function cropPng(png: Buffer, width: number, top = 0, height = Number.POSITIVE_INFINITY): Buffer {
  const all = chunks(png);
  const ihdr = all.find((c) => c.type === 'IHDR')!.data;
  const [w, h, depth, color] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]];
  width = Math.min(width, w);
  const rows = Math.min(height, h - top);
  if (depth !== 8 || (color !== 6 && color !== 2) || ihdr[12] !== 0) throw new Error('cropPng: unsupported PNG');
  const bpp = color === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = w * bpp;
  const out = Buffer.alloc(rows * (width * bpp + 1));
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < h; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp]! : 0;
      const b = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      const add = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]!;
      line[x] = (line[x]! + add) & 0xff;
    }
    if (y >= top && y < top + rows) {
      // Written with the Up filter: flat screenshots then compress to a fraction of filter 0.
      const at = (y - top) * (width * bpp + 1);
      out[at] = y === top ? 0 : 2;
      for (let x = 0; x < width * bpp; x++) out[at + 1 + x] = (line[x]! - (y === top ? 0 : prev[x]!)) & 0xff;
    }
    prev = line;
  }
  const head = Buffer.from(ihdr);
  head.writeUInt32BE(width, 0);
  head.writeUInt32BE(rows, 4);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', head),
    chunk('IDAT', deflateSync(out, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
