/** POST /api/import: an interchange v2 document (or v1, converted), all or nothing, idempotent; at most 10 MB. */
import { convertDocumentV1, INTERCHANGE_FORMAT_V1 } from '../../contract';
import { changeNote } from './change-note';
import { defineRoute, IMPORT_BODY_LIMIT } from './route';
import { ImportAnswer, ImportBody } from './schemas';

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
    bodyLimit: IMPORT_BODY_LIMIT,
    bodyError: 'the import was rejected and nothing was written',
    responses: { 200: { description: 'Imported; counts of created, updated and unchanged records.', schema: ImportAnswer } },
    handle({ body }, { store }, req) {
      return store.importDocument(body.format === INTERCHANGE_FORMAT_V1 ? convertDocumentV1(body) : body, changeNote(req));
    },
  }),
];
