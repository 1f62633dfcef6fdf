/** GET /api/stats: counts by type, status and kind; top actors by degree and betweenness. */
import { filteredQuery, toActionFilter } from './query';
import { defineRoute } from './route';
import { StatsAnswer } from './schemas';

export const TOP_ACTORS = 10;

export const statsRoutes = [
  defineRoute({
    method: 'get',
    path: '/stats',
    operationId: 'getStats',
    summary: 'Counts by action type, status, category and actor kind; the top 10 actors by degree and by betweenness',
    description:
      'Counts cover the actions passing the filters. Degree and betweenness count the actions of `category` only, ' +
      'sanctions when none is given (so claims split out of one lawsuit do not dominate); betweenness ignores the other filters.',
    tag: 'stats',
    query: filteredQuery({}),
    responses: { 200: { description: 'The statistics.', schema: StatsAnswer } },
    handle({ query }, { store }) {
      return store.stats(TOP_ACTORS, toActionFilter(query));
    },
  }),
];
