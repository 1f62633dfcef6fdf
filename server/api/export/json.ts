/**
 * Interchange v2, the one format that imports back (POST /api/import) into any store, written
 * record by record so it can be streamed: each list of the document is an array with one record a
 * line; other members as they are.
 */
import type { InterchangeDocument } from '../../../contract';

export function* interchangeJsonChunks(doc: InterchangeDocument): Generator<string> {
  const entries = Object.entries(doc).filter(([, v]) => v !== undefined);
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    yield `${i ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (!Array.isArray(value)) {
      yield JSON.stringify(value);
      continue;
    }
    yield '[';
    for (let j = 0; j < value.length; j++) yield `${j ? ',' : ''}\n    ${JSON.stringify(value[j])}`;
    yield value.length ? '\n  ]' : ']';
  }
  yield '\n}\n';
}
