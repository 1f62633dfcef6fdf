/** GET /api/paths: every shortest path between two actors, at most 10. */
import type { GraphStore } from '../store/types';
import { notFound } from './errors';
import { filteredQuery, idParam, intParam, toActionFilter } from './query';
import { defineRoute } from './route';
import { PathsAnswer } from './schemas';

export const MAX_PATHS = 10;

export async function mustHaveActor(store: GraphStore, id: string, role: string): Promise<void> {
  if (!(await store.getActor(id))) throw notFound(`actor "${id}" (the ${role}) not found`);
}

export const pathRoutes = [
  defineRoute({
    method: 'get',
    path: '/paths',
    operationId: 'getPaths',
    summary: 'Every shortest path between two actors (actions taken in either direction), at most 10',
    tag: 'traversals',
    cacheable: true,
    query: filteredQuery({
      source: idParam('The actor the paths start from.'),
      target: idParam('The actor the paths end at.'),
      maxLength: intParam(1, 6, 4, 'The longest path to look for, in actions, 1 to 6.'),
    }),
    responses: {
      200: { description: 'The paths; empty where none is within `maxLength`.', schema: PathsAnswer },
      404: { description: 'No actor has the `source` or `target` id.' },
    },
    async handle({ query }, { store }) {
      await mustHaveActor(store, query.source, 'source');
      await mustHaveActor(store, query.target, 'target');
      const paths = await store.shortestPaths(query.source, query.target, query.maxLength, toActionFilter(query), MAX_PATHS);
      return { paths };
    },
  }),
];
