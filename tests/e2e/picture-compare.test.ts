/**
 * The picture comparison itself, on images made here (no browser needed): the same picture
 * matches, a recoloured patch past the allowed share fails and leaves a diff, a few stray pixels
 * pass, and a picture of another size fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { MAX_DIFF_RATIO, PICTURE_RESULTS, comparePng } from './support/pictures';

const W = 200;
const H = 100;

/** A grey picture with a blue square of `side` pixels at the top left (red where `red` is true). */
function picture(opts: { side?: number; red?: boolean; width?: number } = {}): Buffer {
  const width = opts.width ?? W;
  const png = new PNG({ width, height: H });
  for (let y = 0; y < H; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inSquare = x < (opts.side ?? 0) && y < (opts.side ?? 0);
      const [r, g, b] = inSquare ? (opts.red ? [200, 30, 30] : [30, 30, 200]) : [240, 240, 240];
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}

test('the same picture matches, with no pixel different', () => {
  const r = comparePng('self-check-same', picture({ side: 40 }), picture({ side: 40 }));
  expect(r).toMatchObject({ differing: 0, mismatch: null });
});

test('a recoloured patch larger than the allowed share fails and writes a diff', () => {
  // 20×20 = 400 of 20,000 pixels: 2 %, above the 0.5 % allowed.
  const r = comparePng('self-check-recoloured', picture({ side: 20, red: true }), picture({ side: 20 }));
  expect(r.differing).toBe(400);
  expect(r.mismatch).toMatch(/400 pixels differ/);
  const diff = PNG.sync.read(fs.readFileSync(path.join(PICTURE_RESULTS, 'self-check-recoloured.diff.png')));
  expect([diff.width, diff.height]).toEqual([W, H]);
});

test('a few differing pixels, under the allowed share, still match', () => {
  // 9 of 20,000 pixels (0.045 %): antialiasing-sized noise.
  expect(9 / (W * H)).toBeLessThan(MAX_DIFF_RATIO);
  const r = comparePng('self-check-noise', picture({ side: 3, red: true }), picture({ side: 3 }));
  expect(r).toMatchObject({ differing: 9, mismatch: null });
});

test('a picture of another size fails, naming both sizes', () => {
  const r = comparePng('self-check-size', picture({ width: 210 }), picture());
  expect(r.mismatch).toMatch(/210×100.*200×100/);
});
