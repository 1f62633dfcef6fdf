/** GET /api/health: the store in use and its counts; 503 while the store cannot be reached. */
import { z } from 'zod';
import { UnavailableError } from '../store/errors';
import { contentHashAt } from './content-hash';
import { Reply } from './reply';
import { defineRoute } from './route';
import { HealthAnswer } from './schemas';

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Whether the server and its store answer, with record counts, the change number and the content hash',
    tag: 'health',
    query: z.strictObject({
      hash: z
        .enum(['1'])
        .optional()
        .describe(
          '1 computes the content hash (once per change; above 20,000 records in the background, shown by a later health check). Without it, health stays cheap for monitors and shows the hash only when already known.',
        ),
    }),
    responses: {
      200: { description: 'The store answers.', schema: HealthAnswer },
      503: { description: 'The store cannot be reached; retry after the Retry-After seconds.', schema: HealthAnswer },
    },
    async handle({ query }, { store }, req) {
      try {
        const [counts, change] = await Promise.all([store.counts(), store.changeNumber()]);
        const records = counts.actors + counts.sources + counts.episodes + counts.actions;
        const contentHash = await contentHashAt(store, change, records, query.hash === '1');
        return { status: 'ok', store: store.kind, counts, change, ...(contentHash !== undefined && { contentHash }) };
      } catch (err) {
        req.log?.warn({ err, reqId: req.id }, 'health: the store does not answer');
        const retry = err instanceof UnavailableError ? err.retryAfterSeconds : 5;
        const why = err instanceof UnavailableError ? `: ${err.message}` : '';
        return new Reply(503, {
          headers: { 'Retry-After': String(retry) },
          json: {
            status: 'unavailable',
            store: store.kind,
            error: { code: 'unavailable', message: `the ${store.kind} store cannot be reached${why}`, details: [] },
          },
        });
      }
    },
  }),
];
