/** The chains mode: the chains that start from an actor (chain=), one of them drawn (ci=, its index). */
import { defineMode } from '../descriptor';

/** The server's answer holds at most this many chains. */
const MAX_CHAINS = 50;

export interface ChainState {
  /** The actor the chains start from. */
  actor: string | null;
  /** The chain drawn: its index in the answer. */
  index: number;
}

export const chain = defineMode<'chain', ChainState>({
  id: 'chain',
  label: 'Chains',
  wholeGraph: true,
  drawing: true,
  initial: { actor: null, index: 0 },
  url: {
    params: ['chain', 'ci'],
    read(q) {
      const index = Number(q.get('ci') ?? 0);
      const ok = Number.isInteger(index) && index >= 0 && index < MAX_CHAINS;
      if (!ok) q.ignore('ci');
      return { actor: q.id('chain'), index: ok ? index : 0 };
    },
    write(s, q) {
      if (s.actor) q.set('chain', s.actor);
      if (s.index) q.set('ci', String(s.index));
    },
  },
});
