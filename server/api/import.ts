/** POST /api/import: an interchange v2 document (or v1, converted), all or nothing, idempotent; at most 10 MB. */
import type { Request } from 'express';
import { readImportBody } from '../import-worker/start';
import { checkedElsewhere } from '../store/rules';
import { changeNote } from './change-note';
import { badRequest } from './errors';
import { defineRoute, IMPORT_BODY_LIMIT } from './route';
import { ImportAnswer, ImportBody } from './schemas';

const BODY_ERROR = 'the import was rejected and nothing was written';

/** The Content-Type's charset, lower case; utf-8 when it names none (as express.json reads it). */
function charsetOf(req: Request): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(req.headers['content-type'] ?? '');
  return match?.[1]?.toLowerCase() || 'utf-8';
}

export const importRoutes = [
  defineRoute({
    method: 'post',
    path: '/import',
    operationId: 'importDocument',
    summary: 'Import an interchange v2 document, or a v1 one converted to v2 (at most 10 MB): all or nothing, idempotent',
    description:
      'Every reference must resolve in the payload or in the store. A 400 names every problem with its JSON path ' +
      '(`actions[3].to: unknown actor "parlr"`) and nothing is written.',
    tag: 'import and export',
    write: true,
    body: ImportBody,
    // Parsed and checked in a worker thread (server/import-worker/): a 10 MB body would otherwise
    // hold the event loop for most of a second (RELIABILITY.md, "One request against the server").
    bodyAsBytes: true,
    bodyLimit: IMPORT_BODY_LIMIT,
    bodyError: BODY_ERROR,
    responses: { 200: { description: 'Imported; counts of created, updated and unchanged records.', schema: ImportAnswer } },
    async handle(_input, { store }, req) {
      const bytes: unknown = req.body;
      if (!(bytes instanceof Uint8Array)) throw badRequest(`${BODY_ERROR}: a JSON body is required (Content-Type: application/json)`);
      const charset = charsetOf(req);
      if (!charset.startsWith('utf-')) throw badRequest(`the body cannot be read: unsupported charset "${charset.toUpperCase()}"`);
      const read = await readImportBody(bytes, charset, BODY_ERROR);
      if (!read.ok) throw badRequest(read.refusal.message, read.refusal.details);
      return store.importDocument(checkedElsewhere(read.doc), changeNote(req));
    },
  }),
];
