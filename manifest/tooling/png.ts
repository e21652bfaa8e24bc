import { deflateSync, inflateSync } from 'node:zlib';
import { crc32 } from './crc32';

/**
 * Just enough PNG to make the app icons deterministically and to check the ones in a package:
 * 8-bit RGB/RGBA (and gray) images, non-interlaced, all five row filters on decode.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG colour types. */
export const COLOR_TYPE = { gray: 0, rgb: 2, palette: 3, grayAlpha: 4, rgba: 6 } as const;
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface RawImage {
  width: number;
  height: number;
  /** 3 = RGB (opaque), 4 = RGBA. */
  channels: 3 | 4;
  /** Row-major, `channels` bytes per pixel. */
  data: Uint8Array;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes with filter type 0 on every row: simple, and the output is byte-for-byte reproducible. */
export function encodePng(img: RawImage): Buffer {
  const { width, height, channels, data } = img;
  if (data.length !== width * height * channels) throw new Error('pixel data does not match the image size');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = channels === 4 ? COLOR_TYPE.rgba : COLOR_TYPE.rgb;
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const idat = deflateSync(raw, { level: 9 });
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  /** A tRNS chunk gives palette or RGB images transparency without an alpha channel. */
  hasTransparencyChunk: boolean;
}

export interface DecodedPng extends PngHeader {
  /** RGBA, 4 bytes per pixel; present only for the formats this decoder supports. */
  rgba?: Uint8Array;
  /** Why `rgba` is missing. */
  unsupported?: string;
}

export class PngError extends Error {}

/** Reads the header and, for 8-bit non-interlaced gray/RGB/RGBA images, every pixel as RGBA. */
export function decodePng(buf: Uint8Array): DecodedPng {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 8 || !b.subarray(0, 8).equals(SIGNATURE)) throw new PngError('not a PNG file (bad signature)');
  let pos = 8;
  let header: PngHeader | undefined;
  const idat: Buffer[] = [];
  let sawEnd = false;
  while (pos + 12 <= b.length) {
    const len = b.readUInt32BE(pos);
    const type = b.toString('ascii', pos + 4, pos + 8);
    if (pos + 12 + len > b.length) throw new PngError(`truncated ${type} chunk`);
    const body = b.subarray(pos + 8, pos + 8 + len);
    if (crc32(b.subarray(pos + 4, pos + 8 + len)) !== b.readUInt32BE(pos + 8 + len)) throw new PngError(`corrupt ${type} chunk (CRC mismatch)`);
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body[8],
        colorType: body[9],
        interlace: body[12],
        hasTransparencyChunk: false,
      };
    } else if (type === 'tRNS' && header) header.hasTransparencyChunk = true;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    pos += 12 + len;
  }
  if (!header) throw new PngError('missing IHDR chunk');
  if (!sawEnd) throw new PngError('missing IEND chunk (file truncated?)');
  if (idat.length === 0) throw new PngError('no image data (IDAT)');
  const channels = CHANNELS[header.colorType];
  if (channels === undefined) throw new PngError(`invalid colour type ${header.colorType}`);
  if (header.bitDepth !== 8) return { ...header, unsupported: `bit depth ${header.bitDepth} (only 8-bit images are checked pixel by pixel)` };
  if (header.interlace !== 0) return { ...header, unsupported: 'interlaced image' };
  if (header.colorType === COLOR_TYPE.palette) return { ...header, unsupported: 'palette image' };

  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch (err) {
    throw new PngError(`image data does not inflate: ${(err as Error).message}`);
  }
  const { width, height } = header;
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new PngError('image data is shorter than the image size');
  const pixels = unfilter(raw, width, height, channels);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    const [r, g, bl, a] =
      channels === 4 ? [pixels[p], pixels[p + 1], pixels[p + 2], pixels[p + 3]]
      : channels === 3 ? [pixels[p], pixels[p + 1], pixels[p + 2], 255]
      : channels === 2 ? [pixels[p], pixels[p], pixels[p], pixels[p + 1]]
      : [pixels[p], pixels[p], pixels[p], 255];
    rgba.set([r, g, bl, a], i * 4);
  }
  return { ...header, rgba };
}

/** Reverses the per-row filters (None, Sub, Up, Average, Paeth) of an 8-bit image. */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? out[row + x - bpp] : 0;
      const up = y > 0 ? out[prev + x] : 0;
      const upLeft = y > 0 && x >= bpp ? out[prev + x - bpp] : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = left; break;
        case 2: predictor = up; break;
        case 3: predictor = (left + up) >> 1; break;
        case 4: predictor = paeth(left, up, upLeft); break;
        default: throw new PngError(`row ${y} uses unknown filter type ${filter}`);
      }
      out[row + x] = (raw[src + x] + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
