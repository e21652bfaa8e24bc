import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/**
 * Draws Leaderful's icons in code so they are reproducible and reviewable: three rising bars
 * (a practice taking hold), white on the brand colour for the 192×192 colour icon and white on
 * transparent for the 32×32 outline icon Teams uses in its app bar.
 * The PNGs in manifest/ are committed; regenerate them with the package script's `--write-icons`.
 */

export const ACCENT = { hex: '#0E7C6B', rgb: [0x0e, 0x7c, 0x6b] as const };

export interface RawImage {
  width: number;
  height: number;
  /** 3 = RGB (opaque), 4 = RGBA. */
  channels: 3 | 4;
  /** Row-major, `channels` bytes per pixel. */
  data: Uint8Array;
}

/** Encodes as 8-bit RGB or RGBA with no row filters and a fixed deflate setting: byte-for-byte reproducible. */
export function encodePng({ width, height, channels, data }: RawImage): Buffer {
  if (data.length !== width * height * channels) throw new Error('pixel data does not match the image size');
  const colorType = channels === 4 ? 6 : 2;
  const image = new PNG({ width, height });
  image.data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return PNG.sync.write(image, { colorType, inputColorType: colorType, inputHasAlpha: channels === 4, filterType: 0, deflateLevel: 9, deflateStrategy: 0 });
}

interface Rect { x0: number; y0: number; x1: number; y1: number; r: number }

/** The glyph, centred in a unit square: bars 40%, 62%, 84% tall on a shared baseline. */
const BARS: Rect[] = (() => {
  const heights = [0.4, 0.62, 0.84];
  const w = 0.22;
  const gap = 0.11;
  const left = (1 - (heights.length * w + (heights.length - 1) * gap)) / 2;
  const base = 1 - (1 - Math.max(...heights)) / 2;
  return heights.map((h, i) => {
    const x0 = left + i * (w + gap);
    return { x0, x1: x0 + w, y0: base - h, y1: base, r: 0.06 };
  });
})();

function inRoundedRect(x: number, y: number, b: Rect): boolean {
  if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) return false;
  const cx = Math.min(Math.max(x, b.x0 + b.r), b.x1 - b.r);
  const cy = Math.min(Math.max(y, b.y0 + b.r), b.y1 - b.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= b.r ** 2;
}

/** Coverage (0..1) of each pixel by the glyph placed in [offset, offset+size], 4×4 supersampled. */
function coverage(canvas: number, offset: number, size: number): Float64Array {
  const out = new Float64Array(canvas * canvas);
  const S = 4;
  for (let py = 0; py < canvas; py++) {
    for (let px = 0; px < canvas; px++) {
      let hits = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (px + (sx + 0.5) / S - offset) / size;
          const v = (py + (sy + 0.5) / S - offset) / size;
          if (BARS.some((b) => inRoundedRect(u, v, b))) hits++;
        }
      }
      out[py * canvas + px] = hits / (S * S);
    }
  }
  return out;
}

/** 192×192, opaque: the glyph in the central 104 px, as Teams' guidance keeps symbols off the edges. */
export function colorIcon(): RawImage {
  const size = 192;
  const cov = coverage(size, 44, 104);
  const data = new Uint8Array(size * size * 3);
  for (let i = 0; i < size * size; i++) {
    for (let c = 0; c < 3; c++) data[i * 3 + c] = Math.round(ACCENT.rgb[c] + (255 - ACCENT.rgb[c]) * cov[i]);
  }
  return { width: size, height: size, channels: 3, data };
}

/** 32×32, white on transparent; antialiasing lives in alpha only, so every pixel stays white. */
export function outlineIcon(): RawImage {
  const size = 32;
  const cov = coverage(size, 4, 24);
  const data = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const a = Math.round(255 * cov[i]);
    data.set(a === 0 ? [0, 0, 0, 0] : [255, 255, 255, a], i * 4);
  }
  return { width: size, height: size, channels: 4, data };
}

export function writeIcons(manifestDir: string): string[] {
  const files = [
    [path.join(manifestDir, 'color.png'), encodePng(colorIcon())],
    [path.join(manifestDir, 'outline.png'), encodePng(outlineIcon())],
  ] as const;
  for (const [file, png] of files) writeFileSync(file, png);
  return files.map(([file]) => file);
}
