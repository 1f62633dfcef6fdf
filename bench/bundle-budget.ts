/**
 * The first view's download budget: the JavaScript that index.html loads before anything is
 * drawn (its entry script and the chunks it preloads), gzipped as the server sends it. Chunks
 * loaded on demand (the views other than the graph, the edit form, the report panel, the SVG
 * writer, the layout fallback) do not count. Run after
 * a build: `npm run bench:bundle` (exits 1 over budget); tests/bench/bundle-budget.test.ts holds
 * the same line in the suite.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * Gzipped KB of JavaScript in the first view. Measured at 203.5 KB when the budget was set, once
 * the views other than the graph were fetched on demand (208.8 KB before; cytoscape alone is
 * about 150 KB of it; the whole app in one file was 239 KB). The margin is for small changes, not
 * for a new library.
 */
export const FIRST_VIEW_JS_BUDGET_KB = 208;

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  files: BundleFile[];
  totalGzipKB: number;
  budgetKB: number;
  within: boolean;
}

/** The scripts index.html loads at once: module scripts and modulepreload links, in page order. */
export function firstViewScripts(html: string): string[] {
  const out: string[] = [];
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const m of html.matchAll(tag)) {
    const t = m[0];
    const src = /\bsrc="([^"]+)"/.exec(t)?.[1];
    const href = /\bhref="([^"]+)"/.exec(t)?.[1];
    if (m[1]!.toLowerCase() === 'script' && src && /type="module"/.test(t)) out.push(src);
    else if (href && /rel="modulepreload"/.test(t)) out.push(href);
  }
  return [...new Set(out)];
}

export function measureFirstView(clientDir: string, budgetKB = FIRST_VIEW_JS_BUDGET_KB): BundleReport {
  const html = fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8');
  const files = firstViewScripts(html).map((url) => {
    const body = fs.readFileSync(path.join(clientDir, url.replace(/^\//, '')));
    // Level 6: what compression() sends by default.
    return { file: url, bytes: body.length, gzipBytes: zlib.gzipSync(body, { level: 6 }).length };
  });
  const totalGzipKB = Math.round((files.reduce((n, f) => n + f.gzipBytes, 0) / 1024) * 10) / 10;
  return { files, totalGzipKB, budgetKB, within: totalGzipKB <= budgetKB };
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.resolve(__dirname, '..', 'client');
  const report = measureFirstView(dir);
  for (const f of report.files) console.log(`${f.file}\t${(f.bytes / 1024).toFixed(1)} KB\t${(f.gzipBytes / 1024).toFixed(1)} KB gzipped`);
  console.log(
    `first view: ${report.totalGzipKB} KB of JavaScript gzipped; budget ${report.budgetKB} KB: ${report.within ? 'within' : 'OVER'}`,
  );
  process.exitCode = report.within ? 0 : 1;
}
