/** GET /api/docs: the OpenAPI document rendered for a browser, with its script and stylesheet. */
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './docs-assets';
import { Reply } from './reply';
import { defineRoute } from './route';

function asset(path: string, operationId: string, summary: string, contentType: string, body: string) {
  return defineRoute({
    method: 'get',
    path,
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
  asset('/docs', 'getDocs', 'This API reference, readable in a browser', 'text/html; charset=utf-8', DOCS_HTML),
  asset('/docs/docs.js', 'getDocsScript', 'The script of the API reference page', 'text/javascript; charset=utf-8', DOCS_JS),
  asset('/docs/docs.css', 'getDocsStylesheet', 'The stylesheet of the API reference page', 'text/css; charset=utf-8', DOCS_CSS),
];
