/**
 * GET /api/graph: Cytoscape elements of the filtered graph, or of the neighbourhood of `focus`
 * within `depth` actions; at most 5,000 elements, `truncated` saying when more were left out.
 */
import { edgeElement, nodeElement } from '../../contract';
import { notFound } from './errors';
import { filteredQuery, intParam, optionalIdParam, toActionFilter } from './query';
import { defineRoute } from './route';
import { GraphAnswer } from './schemas';

export const MAX_ELEMENTS = 5000;

export const graphRoutes = [
  defineRoute({
    method: 'get',
    path: '/graph',
    operationId: 'getGraph',
    summary: 'Cytoscape elements of the filtered graph or of a neighbourhood',
    description:
      'One node per actor and one edge per action (edge id = action id). With `focus`, the actors within `depth` ' +
      'actions of it and the actions among them; without, the whole filtered graph. At most 5,000 elements.',
    tag: 'graph',
    cacheable: true,
    query: filteredQuery({
      focus: optionalIdParam('The actor at the centre of the neighbourhood.'),
      depth: intParam(1, 3, 1, 'How many actions away from `focus`, 1 to 3 (used with `focus`).'),
    }),
    responses: {
      200: { description: 'The elements.', schema: GraphAnswer },
      404: { description: 'No actor has the `focus` id.' },
    },
    async handle({ query }, { store }) {
      const filter = toActionFilter(query);
      const sub =
        query.focus !== undefined
          ? await store.neighbourhood(query.focus, query.depth, filter, MAX_ELEMENTS)
          : await store.selection(filter, MAX_ELEMENTS);
      if (!sub) throw notFound(`actor "${query.focus}" (the focus) not found`);
      return {
        elements: { nodes: sub.actors.map(nodeElement), edges: sub.actions.map(edgeElement) },
        truncated: sub.truncated,
      };
    },
  }),
];
