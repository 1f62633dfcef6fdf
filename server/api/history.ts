/**
 * GET /api/history and each record's history (/api/{actors,sources,episodes,actions}/:id/history):
 * changes newest first, a bounded page at a time, older pages through `cursor`. Read only: no
 * route changes history.
 */
import { z } from 'zod';
import { HISTORY_PAGE_MAX, HistoryPageSchema, type HistoryPage, type HistoryRecordKind } from '../../contract';
import { answerOf } from '../store/history/entry';
import type { GraphStore, HistoryQuery } from '../store/types';
import { badRequest } from './errors';
import { cursorParam, instantParam, recordParam } from './history-params';
import { idPathParams, intParam } from './query';
import { defineRoute } from './route';
import { named } from './schemas';

const HistoryAnswer = named(HistoryPageSchema, 'HistoryPage');

const pageParams = {
  cursor: cursorParam,
  limit: intParam(1, HISTORY_PAGE_MAX, 20, `How many changes to answer, 1 to ${HISTORY_PAGE_MAX}.`),
};

async function historyPage(store: GraphStore, q: Omit<HistoryQuery, 'limit' | 'before'>, cursor: number | undefined, limit: number) {
  if (q.since !== undefined && q.until !== undefined && q.since > q.until) {
    throw badRequest(`invalid query: since (${q.since}) is after until (${q.until})`, ['since: is after until']);
  }
  const change = await store.changeNumber();
  // One more than asked tells whether there is a next page.
  const found = await store.history({ ...q, ...(cursor !== undefined && { before: cursor }), limit: limit + 1 });
  const items = found.slice(0, limit);
  const page: HistoryPage = { items: items.map((e) => answerOf(e, q.record)), change };
  if (found.length > limit) page.next = String(items.at(-1)!.change);
  return page;
}

const PLURAL: Record<HistoryRecordKind, string> = { actor: 'actors', source: 'sources', episode: 'episodes', action: 'actions' };

function recordHistoryRoute(kind: HistoryRecordKind) {
  return defineRoute({
    method: 'get',
    path: `/${PLURAL[kind]}/:id/history`,
    operationId: `get${kind[0]!.toUpperCase()}${kind.slice(1)}History`,
    summary: `The changes to one ${kind}, newest first (also after it was deleted)`,
    tag: 'history',
    params: idPathParams,
    query: z.strictObject(pageParams),
    responses: { 200: { description: 'A page of changes.', schema: HistoryAnswer } },
    handle({ params, query }, { store }) {
      return historyPage(store, { record: `${kind}:${params.id}` }, query.cursor, query.limit);
    },
  });
}

export const historyRoutes = [
  defineRoute({
    method: 'get',
    path: '/history',
    operationId: 'listHistory',
    summary: 'Changes to the dataset, newest first: who, when, why, and each record before and after',
    description:
      'Every write that changed something is one change, numbered from 1; an import is one change listing every record ' +
      `it changed (at most 50 shown with before and after; \`recordCount\` says how many). At most ${HISTORY_PAGE_MAX} changes ` +
      'a page; pass `next` as `cursor` for the page of older ones. `since` and `until` are inclusive.',
    tag: 'history',
    query: z.strictObject({
      since: instantParam,
      until: instantParam,
      who: z.string().min(1).max(100).optional(),
      record: recordParam,
      ...pageParams,
    }),
    responses: { 200: { description: 'A page of changes.', schema: HistoryAnswer } },
    handle({ query }, { store }) {
      const { cursor, limit, since, until, who, record } = query;
      return historyPage(
        store,
        { ...(since && { since }), ...(until && { until }), ...(who && { who }), ...(record && { record }) },
        cursor,
        limit,
      );
    },
  }),
  ...(['actor', 'source', 'episode', 'action'] as const).map(recordHistoryRoute),
];
