/** GET /api/stats: counts by type, status and kind; top actors by degree and betweenness. */
import { defineRoute } from './route';
import { StatsAnswer } from './schemas';

export const TOP_ACTORS = 10;

export const statsRoutes = [
  defineRoute({
    method: 'get',
    path: '/stats',
    operationId: 'getStats',
    summary: 'Counts by action type, status and actor kind; the top 10 actors by degree and by betweenness',
    tag: 'stats',
    responses: { 200: { description: 'The statistics.', schema: StatsAnswer } },
    handle(_input, { store }) {
      return store.stats(TOP_ACTORS);
    },
  }),
];
