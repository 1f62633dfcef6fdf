/** Interchange v1, the one format that imports back (POST /api/import) into any store. */
import type { InterchangeDocument } from '../../../contract';

export function toInterchangeJson(doc: InterchangeDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
