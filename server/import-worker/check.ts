/**
 * The import body's checks, run in the import worker: the bytes read as JSON the way express.json
 * reads them (the same errors), then the route's schema, then the import rules' own check
 * (validDocument). The API's thread only copies the bytes in and the valid records out.
 */
import { convertDocumentV1, INTERCHANGE_FORMAT_V1, problemsFromZod, problemText, shapeProblems, type Problem } from '../../contract';
import type { InterchangeDocument } from '../../contract';
import { ImportBody } from '../api/schemas';
import { ValidationError } from '../store/errors';
import { validDocument } from '../store/rules';
import type { Refusal } from './protocol';

export type Checked = { ok: true; doc: InterchangeDocument } | { ok: false; refusal: Refusal };

const refused = (message: string, details: string[] = []): Checked => ({ ok: false, refusal: { message, details } });

/** As problemsError (api/errors.ts) words it: up to five problems in the message, all of them in details. */
function problemsRefusal(prefix: string, problems: Problem[]): Checked {
  const shown = problems.slice(0, 5).map(problemText).join('; ');
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  return refused(`${prefix}: ${shown}${more}`, problems.map(problemText));
}

const FIRST_NON_WHITESPACE = /^[ \t\n\r]*([^ \t\n\r])/;

/**
 * JSON.parse with body-parser's strict mode (json.js): an empty body is {}, and a body that does
 * not start with { or [ fails with the message JSON.parse gives at its first character.
 */
function parseStrict(text: string): unknown {
  if (text.length === 0) return {};
  if (text[0] !== '{' && text[0] !== '[') {
    const first = FIRST_NON_WHITESPACE.exec(text)?.[1];
    if (first !== '{' && first !== '[') {
      const index = first === undefined ? -1 : text.indexOf(first);
      const partial = index === -1 ? '' : text.slice(0, index) + '#'.repeat(text.length - index);
      try {
        JSON.parse(partial);
      } catch (err) {
        throw new SyntaxError(
          (err as Error).message.replace(/#+/g, (p) => text.substring(index, index + p.length)),
          { cause: err },
        );
      }
    }
  }
  return JSON.parse(text);
}

function decode(bytes: Uint8Array, charset: string): string | Checked {
  let utf8: string;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refused('the body is not valid UTF-8');
  }
  if (charset === 'utf-8' || charset === 'utf8') return utf8;
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return refused(`the body cannot be read: unsupported charset "${charset.toUpperCase()}"`);
  }
}

export function checkImportBody(bytes: Uint8Array, charset: string, prefix: string): Checked {
  const text = decode(bytes, charset);
  if (typeof text !== 'string') return text;
  let json: unknown;
  try {
    json = parseStrict(text);
  } catch (err) {
    return refused(`the body is not valid JSON: ${err instanceof Error ? err.message : 'parse error'}`);
  }
  const shape = shapeProblems(json);
  if (shape.length) return problemsRefusal(prefix, shape);
  const body = ImportBody.safeParse(json);
  if (!body.success) return problemsRefusal(prefix, problemsFromZod(body.error));
  try {
    return { ok: true, doc: validDocument(body.data.format === INTERCHANGE_FORMAT_V1 ? convertDocumentV1(body.data) : body.data) };
  } catch (err) {
    if (err instanceof ValidationError) return refused(err.message, err.problems.map(problemText));
    throw err;
  }
}
