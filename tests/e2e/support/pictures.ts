/**
 * Screenshots compared with reference pictures kept in tests/e2e/pictures/. A rendering change
 * that no assertion on the DOM would see (a colour, a lost label, a shifted lane) fails the test.
 * Font antialiasing varies a little between runs of one Chromium, so a pixel only counts as
 * different past pixelmatch's colour threshold, and a picture only fails past a share of such
 * pixels. On failure the picture taken, the reference and a diff (differing pixels in red) are
 * written to tests/artifacts/pictures/. UPDATE_PICTURES=1 rewrites the references instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS } from './harness';

export const REFERENCES = path.join(__dirname, '..', 'pictures');
export const PICTURE_RESULTS = path.join(ARTIFACTS, 'pictures');

/** pixelmatch's per-pixel colour distance (0–1) under which two pixels count as the same. */
export const PIXEL_THRESHOLD = 0.1;
/**
 * Share of differing pixels a picture may have and still match. Two runs on one Chromium here
 * differed by 0 pixels; recolouring the three cloud-hosting actors of the seed changes 1.1 % of
 * the graph's picture, which must fail.
 */
export const MAX_DIFF_RATIO = 0.005;

export interface PictureResult {
  name: string;
  /** Whether the reference was (re)written instead of compared. */
  updated: boolean;
  differing: number;
  ratio: number;
  /** Why the pictures do not match, or null when they do. */
  mismatch: string | null;
}

const updating = () => process.env.UPDATE_PICTURES === '1' || process.env.UPDATE_PICTURES === 'true';

/** Compares two PNG images; writes the results to PICTURE_RESULTS when they differ. */
export function comparePng(name: string, actual: Buffer, reference: Buffer): PictureResult {
  const a = PNG.sync.read(actual);
  const r = PNG.sync.read(reference);
  const fail = (differing: number, ratio: number, mismatch: string, diff?: PNG): PictureResult => {
    fs.mkdirSync(PICTURE_RESULTS, { recursive: true });
    fs.writeFileSync(path.join(PICTURE_RESULTS, `${name}.actual.png`), actual);
    fs.writeFileSync(path.join(PICTURE_RESULTS, `${name}.expected.png`), reference);
    if (diff) fs.writeFileSync(path.join(PICTURE_RESULTS, `${name}.diff.png`), PNG.sync.write(diff));
    return { name, updated: false, differing, ratio, mismatch };
  };
  if (a.width !== r.width || a.height !== r.height) {
    return fail(a.width * a.height, 1, `${name}: the picture is ${a.width}×${a.height}, the reference ${r.width}×${r.height}`);
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, r.data, diff.data, a.width, a.height, { threshold: PIXEL_THRESHOLD });
  const ratio = differing / (a.width * a.height);
  if (ratio <= MAX_DIFF_RATIO) {
    // Results of an earlier failure would otherwise be taken for this run's.
    for (const kind of ['actual', 'expected', 'diff']) fs.rmSync(path.join(PICTURE_RESULTS, `${name}.${kind}.png`), { force: true });
    return { name, updated: false, differing, ratio, mismatch: null };
  }
  const at = path.relative(process.cwd(), path.join(PICTURE_RESULTS, `${name}.diff.png`));
  return fail(
    differing,
    ratio,
    `${name}: ${differing} pixels differ (${(ratio * 100).toFixed(2)} %, at most ${MAX_DIFF_RATIO * 100} % allowed); see ${at}`,
    diff,
  );
}

const SHOT = { animations: 'disabled', caret: 'hide', scale: 'css' } as const;

/**
 * A locator is taken as the part of it inside the viewport, as a user sees it: a panel that
 * scrolls would otherwise be pictured at its full, never seen, height.
 */
async function shoot(target: Page | Locator): Promise<Buffer> {
  if ('goto' in target) return target.screenshot(SHOT);
  const page = target.page();
  const box = await target.boundingBox();
  const view = page.viewportSize();
  if (!box || !view) throw new Error('the element to picture is not shown');
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const clip = {
    x,
    y,
    width: Math.min(view.width, Math.ceil(box.x + box.width)) - x,
    height: Math.min(view.height, Math.ceil(box.y + box.height)) - y,
  };
  return page.screenshot({ ...SHOT, clip });
}

/**
 * Takes a screenshot of the page (or of one element) and compares it with the reference of that
 * name; with UPDATE_PICTURES=1 writes it as the new reference. A missing reference is a failure,
 * so a picture test cannot pass by having nothing to compare with.
 */
export async function comparePicture(target: Page | Locator, name: string): Promise<PictureResult> {
  const actual = await shoot(target);
  const file = path.join(REFERENCES, `${name}.png`);
  if (updating()) {
    fs.mkdirSync(REFERENCES, { recursive: true });
    fs.writeFileSync(file, actual);
    return { name, updated: true, differing: 0, ratio: 0, mismatch: null };
  }
  if (!fs.existsSync(file)) {
    fs.mkdirSync(PICTURE_RESULTS, { recursive: true });
    fs.writeFileSync(path.join(PICTURE_RESULTS, `${name}.actual.png`), actual);
    return {
      name,
      updated: false,
      differing: 0,
      ratio: 1,
      mismatch: `${name}: no reference picture at ${path.relative(process.cwd(), file)}; run with UPDATE_PICTURES=1 to write it`,
    };
  }
  return comparePng(name, actual, fs.readFileSync(file));
}
