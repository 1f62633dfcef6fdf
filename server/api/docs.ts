/**
 * GET /api/docs: the OpenAPI document rendered for a browser. The page is three static files in
 * docs-page/ (HTML, a stylesheet, a script), served separately so the strict CSP (no inline script
 * or style) holds; the build copies the folder beside this module in dist/. They are read once,
 * when the server starts, so a missing file stops the start rather than a later request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Reply } from './reply';
import { defineRoute } from './route';

const PAGE_DIR = path.join(__dirname, 'docs-page');

function asset(urlPath: string, operationId: string, summary: string, contentType: string, file: string) {
  const body = fs.readFileSync(path.join(PAGE_DIR, file), 'utf8');
  return defineRoute({
    method: 'get',
    path: urlPath,
    operationId,
    summary,
    tag: 'documentation',
    responses: { 200: { description: summary, contentType } },
    handle() {
      return new Reply(200, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-cache' }, body });
    },
  });
}

export const docsRoutes = [
  asset('/docs', 'getDocs', 'This API reference, readable in a browser', 'text/html; charset=utf-8', 'index.html'),
  asset('/docs/docs.js', 'getDocsScript', 'The script of the API reference page', 'text/javascript; charset=utf-8', 'docs.js'),
  asset('/docs/docs.css', 'getDocsStylesheet', 'The stylesheet of the API reference page', 'text/css; charset=utf-8', 'docs.css'),
];
