/** GET /api/chains: maximal time-respecting chains whose first action involves an actor. */
import { filteredQuery, idParam, intParam, toActionFilter } from './query';
import { mustHaveActor } from './paths';
import { defineRoute } from './route';
import { ChainsAnswer } from './schemas';

export const MAX_CHAINS = 50;

export const chainRoutes = [
  defineRoute({
    method: 'get',
    path: '/chains',
    operationId: 'getChains',
    summary: 'Time-respecting chains whose first action involves `actor`, longest first, at most 50',
    description:
      'A chain is a sequence of distinct dated actions, each sharing an actor with the one before and not ' +
      'beginning before it; each chain is maximal. `truncated` is true when the search stopped at its work bound.',
    tag: 'traversals',
    cacheable: true,
    query: filteredQuery({
      actor: idParam('The actor whose acts the chains start from.'),
      maxLength: intParam(2, 8, 6, 'The most actions in a chain, 2 to 8.'),
    }),
    responses: {
      200: { description: 'The chains.', schema: ChainsAnswer },
      404: { description: 'No actor has the `actor` id.' },
    },
    async handle({ query }, { store }) {
      await mustHaveActor(store, query.actor, 'actor');
      const found = await store.chains(query.actor, query.maxLength, toActionFilter(query), MAX_CHAINS);
      return { chains: found.chains, truncated: found.truncated };
    },
  }),
];
