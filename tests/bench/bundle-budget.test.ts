/**
 * The first view's JavaScript stays within its gzipped budget (bench/bundle-budget.ts), and the
 * parts a reader may never use are not in it. Needs the built client (dist/client).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FIRST_VIEW_JS_BUDGET_KB, firstViewScripts, measureFirstView } from '../../bench/bundle-budget';
import { describeWith } from '../support/needs';

const CLIENT_DIR = process.env.E2E_CLIENT_DIR || path.resolve(__dirname, '..', '..', 'dist', 'client');
const built = fs.existsSync(path.join(CLIENT_DIR, 'index.html'));

test('the scripts of the first view are read from the page: the module entry and its preloads, not styles or icons', () => {
  const html = `<link rel="icon" href="/favicon.svg"><script type="module" crossorigin src="/assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-b.js"><link rel="stylesheet" href="/assets/index-c.css">`;
  expect(firstViewScripts(html)).toEqual(['/assets/index-a.js', '/assets/vendor-b.js']);
});

describeWith('build', built ? null : 'dist/client/index.html is missing: run `npx vite build` first', 'the built first view', () => {
  test(`loads at most ${FIRST_VIEW_JS_BUDGET_KB} KB of JavaScript gzipped`, () => {
    const report = measureFirstView(CLIENT_DIR);
    console.log(`first view: ${report.totalGzipKB} KB gzipped in ${report.files.length} files`);
    expect(report.files.length).toBeGreaterThan(0);
    expect(report.totalGzipKB).toBeLessThanOrEqual(FIRST_VIEW_JS_BUDGET_KB);
  });

  test('leaves the edit form, its schemas and the SVG writer to be fetched when used', () => {
    const first = measureFirstView(CLIENT_DIR)
      .files.map((f) => fs.readFileSync(path.join(CLIENT_DIR, f.file.replace(/^\//, '')), 'utf8'))
      .join('\n');
    // Strings from the form, from zod's messages and from the SVG writer, which only those parts carry.
    expect(first).not.toContain('Save the action');
    expect(first).not.toContain('Invalid input');
    expect(first).not.toContain('paint-order');
  });

  test('leaves every view but the graph to be fetched when its mode is first shown', () => {
    const first = measureFirstView(CLIENT_DIR).files;
    const text = first.map((f) => fs.readFileSync(path.join(CLIENT_DIR, f.file.replace(/^\//, '')), 'utf8')).join('\n');
    const assets = fs.readdirSync(path.join(CLIENT_DIR, 'assets'));
    for (const mode of ['stack', 'cascade', 'chain', 'paths', 'table']) {
      const chunk = assets.find((a) => a.startsWith(`mode-${mode}-`) && a.endsWith('.js'));
      expect(chunk).toBeDefined();
      expect(first.map((f) => f.file)).not.toContain(`/assets/${chunk}`);
    }
    // A hint from each of those views, which only its own chunk carries.
    expect(text).not.toContain('Each row is a layer of the stack');
    expect(text).not.toContain('which layers of the stack acted against it');
    expect(text).not.toContain('Choose an actor to list the chains');
    expect(text).not.toContain('every shortest path between them');
    expect(text).not.toContain('with the same filters as the drawing');
  });
});
