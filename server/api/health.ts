/** GET /api/health: the store in use and its counts; 503 while the store cannot be reached. */
import { UnavailableError } from '../store/errors';
import { Reply } from './reply';
import { defineRoute } from './route';
import { HealthAnswer } from './schemas';

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Whether the server and its store answer, with record counts',
    tag: 'health',
    responses: {
      200: { description: 'The store answers.', schema: HealthAnswer },
      503: { description: 'The store cannot be reached; retry after the Retry-After seconds.', schema: HealthAnswer },
    },
    async handle(_input, { store }, req) {
      try {
        const counts = await store.counts();
        return { status: 'ok', store: store.kind, counts };
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
