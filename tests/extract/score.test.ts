/**
 * The eval's scorer: strict names are the figure; loose names (a second view) count a proposed new
 * actor as the gold's when one name's words open the other's, and only when that gold name is the
 * only one they could be.
 */
import { scoreReport, type GoldReport } from '../../bench/extract-score';
import type { ActionType, ExtractAnswer, ProposedAction } from '../../contract';

const gold: GoldReport = {
  name: 'made-up',
  text: 'The Ruritanian government blocked Reddit. Larch Media sued it.',
  actions: [
    { type: 'SUSPENDED', from: 'new:Ruritanian government', to: 'reddit', date: null },
    { type: 'SUED', from: 'new:Larch Media', to: 'new:Ruritanian government', date: null },
  ],
};

const ref = (key: string) => ({ id: key.startsWith('new:') ? null : key, name: key.replace(/^new:/, '') });
const proposal = (type: ActionType, from: string, to: string, n: number): ProposedAction => ({
  key: `p${n}`,
  type,
  from: ref(from),
  to: ref(to),
  date: null,
  status: 'reported',
  claimedBy: [],
  respondsTo: [],
  evidence: [],
  confidence: 0.8,
});
const answer = (...actions: Array<[ActionType, string, string]>): ExtractAnswer => ({
  actors: [],
  actions: actions.map(([type, from, to], n) => proposal(type, from, to, n + 1)),
});

describe('the scorer', () => {
  test('strict: a new actor spelt shorter than in the gold is another actor', () => {
    const s = scoreReport(gold, answer(['SUSPENDED', 'new:Ruritanian', 'reddit']));
    expect([s.matched, s.proposed, s.gold]).toEqual([0, 1, 2]);
  });

  test('loose: "Ruritanian" is the gold\'s "Ruritanian government", "Larch Media Group" its "Larch Media"', () => {
    const s = scoreReport(
      gold,
      answer(['SUSPENDED', 'new:Ruritanian', 'reddit'], ['SUED', 'new:Larch Media Group', 'new:Ruritanian']),
      new Map(),
      true,
    );
    expect([s.matched, s.proposed]).toEqual([2, 2]);
  });

  test('loose: a name that opens two gold names is neither', () => {
    const two: GoldReport = {
      ...gold,
      actions: [...gold.actions, { type: 'BANNED', from: 'reddit', to: 'new:Ruritanian army', date: null }],
    };
    const s = scoreReport(two, answer(['SUSPENDED', 'new:Ruritanian', 'reddit']), new Map(), true);
    expect(s.matched).toBe(0);
  });
});
