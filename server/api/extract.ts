/** POST /api/extract: proposals of actors and actions from a pasted report, computed and never stored. */
import { EXTRACT_MAX_BYTES, ExtractAnswerSchema, ExtractRequestSchema, parseDate, isParsedDate } from '../../contract';
import type { Anchor } from '../extract';
import { knownActors } from '../extract/known-actors';
import { ExtractPool, ExtractUnavailable } from '../extract/pool';
import { ApiError, badRequest } from './errors';
import { Reply } from './reply';
import { defineRoute } from './route';
import { named } from './schemas';

const DAY = 86_400_000;

/** One worker for the process, started with the first report; extraction never runs on the API's thread. */
let pool: ExtractPool | null = null;

async function proposals(text: string, anchor: Anchor | null, actors: Awaited<ReturnType<typeof knownActors>>): Promise<Reply> {
  pool ??= new ExtractPool();
  try {
    const json = await pool.extract(text, anchor, actors);
    return new Reply(200, { body: json, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  } catch (err) {
    if (err instanceof ExtractUnavailable) throw new ApiError(503, 'unavailable', err.message, [], { 'Retry-After': '1' });
    throw err;
  }
}

/** The publication date's first and last day; an open or unknown end takes the other's day. */
function anchorOf(published: string | undefined): Anchor | null {
  if (published === undefined) return null;
  const parsed = parseDate(published);
  if (!isParsedDate(parsed)) throw badRequest(`invalid body: published: ${parsed.error}`, [`published: ${parsed.error}`]);
  const start = Number.isFinite(parsed.start) ? parsed.start : parsed.end;
  const end = Number.isFinite(parsed.end) ? parsed.end : parsed.start;
  if (!Number.isFinite(start))
    throw badRequest('invalid body: published: needs at least one bounded end', ['published: needs at least one bounded end']);
  return { first: Math.floor(start / DAY) * DAY, last: Math.floor(end / DAY) * DAY };
}

export const extractRoutes = [
  defineRoute({
    method: 'post',
    path: '/extract',
    operationId: 'extractProposals',
    summary: 'Propose actors and actions from a pasted report (at most 1 MB), each pointing at the words it comes from; nothing is stored',
    description:
      'Offsets are UTF-16 code units into `text`, as JavaScript slices strings. `published` (EDTF) anchors relative dates ' +
      '("on Sunday", "this weekend"). Known actors are matched by name or alias, ignoring case, accents and a leading article; ' +
      'other proper names are proposed as new actors (id null). Deterministic: the same text, date and actors give the same answer.',
    tag: 'import and export',
    write: true,
    body: named(ExtractRequestSchema, 'ExtractRequest'),
    bodyLimit: EXTRACT_MAX_BYTES,
    bodyError: 'invalid body',
    responses: {
      200: { description: 'The proposals, for a person to review.', schema: named(ExtractAnswerSchema, 'ExtractAnswer') },
      503: { description: 'The extractor is busy (16 reports waiting) or a report ran past 30 s; `Retry-After` says when to try again.' },
    },
    async handle({ body }, { store }) {
      const anchor = anchorOf(body.published);
      return proposals(body.text, anchor, await knownActors(store));
    },
  }),
];
