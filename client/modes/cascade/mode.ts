/** The cascade mode: what was done to one actor (target=), layer by layer, over time (GET /api/cascade). */
import { defineMode } from '../descriptor';

export interface CascadeState {
  /** The actor the cascade is against; null: the focused or selected actor. */
  target: string | null;
}

export const cascade = defineMode<'cascade', CascadeState>({
  id: 'cascade',
  label: 'Cascade',
  wholeGraph: false,
  drawing: false,
  initial: { target: null },
  url: {
    params: ['target'],
    read: (q) => ({ target: q.id('target') }),
    write(s, q) {
      if (s.target) q.set('target', s.target);
    },
  },
});
