/** GET /api/chains: readable chains whose first action involves an actor. */
import { z } from 'zod';
import { CATEGORIES, type Category } from '../../contract';
import { filteredQuery, idParam, intParam, toActionFilter } from './query';
import { mustHaveActor } from './paths';
import { defineRoute } from './route';
import { ChainsAnswer } from './schemas';

export const MAX_CHAINS = 50;

/** `order=certain` keeps certain steps only; `any` (the default) takes possible ones too. */
export const orderParam = z
  .enum(['any', 'certain'])
  .describe('`certain` keeps certain steps only; `any` takes possible ones too.')
  .optional()
  .default('any');

/** `categories=all` or a comma-separated list; the default ones when absent. */
export const categoriesParam = z
  .string()
  .describe('Categories the chains follow: `all`, or a comma-separated list (default sanction,notice,restoration,migration,legal).')
  .optional()
  .transform((text, ctx): Category[] | undefined => {
    if (text === undefined) return undefined;
    if (text === 'all') return [...CATEGORIES];
    const items = text.split(',').map((s) => s.trim());
    const bad = items.filter((s) => !(CATEGORIES as readonly string[]).includes(s));
    if (bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown category ${bad.map((b) => `"${b.slice(0, 40)}"`).join(', ')}; expected all or a comma-separated list of ${CATEGORIES.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(items)] as Category[];
  });

export const chainRoutes = [
  defineRoute({
    method: 'get',
    path: '/chains',
    operationId: 'getChains',
    summary: 'Chains whose first action involves `actor`, longest first, at most 50',
    description:
      'A chain is a sequence of dated actions, each sharing an actor with the one before, that can stand in that order ' +
      'in time: each step is certain (the action before ends before it begins, or it responds to it) or possible ' +
      '(their spans overlap), never impossible, and no action comes certainly before one earlier in the chain. Each ' +
      'chain is maximal. Parallel actions (one type, same two actors, same direction) are one step listing the ' +
      'actions it stands for, and chains that differ only in such steps are one chain. `truncated` is true whenever ' +
      'something was left out (chains past 50, or the search stopped at its work bound). Chains follow the ' +
      'categories sanction, notice, restoration, migration and legal, and response links (a step to an action ' +
      'responding to the one before, whatever its category); `categories=all` or a list asks otherwise. The ' +
      '`category` filter keeps only actions of its categories (response steps included) and, without ' +
      '`categories`, is also what the chains follow.',
    tag: 'traversals',
    cacheable: true,
    query: filteredQuery({
      actor: idParam('The actor whose acts the chains start from.'),
      maxLength: intParam(2, 8, 6, 'The most steps in a chain, 2 to 8.'),
      order: orderParam,
      categories: categoriesParam,
    }),
    responses: {
      200: { description: 'The chains.', schema: ChainsAnswer },
      404: { description: 'No actor has the `actor` id.' },
    },
    async handle({ query }, { store }) {
      await mustHaveActor(store, query.actor, 'actor');
      const found = await store.chains(query.actor, query.maxLength, toActionFilter(query), MAX_CHAINS, {
        certainOnly: query.order === 'certain',
        // The `category` filter, when given alone, is also what the chains follow (else nothing it keeps might be followed).
        ...((query.categories ?? query.category) && { categories: query.categories ?? query.category }),
      });
      return { chains: found.chains, truncated: found.truncated };
    },
  }),
];
