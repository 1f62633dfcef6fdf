/**
 * Reads in slices (server/store/embedded/slices.ts): a read that pauses must answer as the same
 * read done in one go would, and one that a write lands in must answer for the new version, never
 * for a mix of the two. The slices here last 0 ms, so every read pauses as often as it can.
 */
import { respectResponses, respectResponsesSteps, sortByTimelineKey, type Action } from '../../contract';
import { chainRules, timeRespectingChains } from '../../server/graph';
import { readInSlices, Slices } from '../../server/store/embedded/slices';
import { GraphState, type Op } from '../../server/store/embedded/state';
import { findChains } from '../../server/store/embedded/traversal';

const ACTORS = 12;

/** Actions among a few actors with dates of every shape the timeline orders: days, months, years, open and unknown ends, undated. */
function graphOps(n: number): Op[] {
  const dates = ['2020-03-04', '2020-03', '2020', '2019-12-31/..', '../2020-01-02', '2020-03-04/2020-03-09', undefined];
  const types = ['BANNED', 'SUSPENDED', 'WARNED', 'REINSTATED', 'MOVED_TO'] as const;
  const ops: Op[] = [];
  for (let i = 0; i < ACTORS; i++) ops.push({ t: 'actor', v: { id: `p${i}`, name: `P ${i}`, kind: 'platform' } });
  for (let i = 0; i < n; i++) {
    const date = dates[(i * 7) % dates.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const action: Action = {
      id: `a${String(i).padStart(5, '0')}`,
      type: types[i % types.length]!,
      from: `p${i % ACTORS}`,
      to: `p${(i * 5 + 1) % ACTORS}`,
      status: 'confirmed',
      summary: 's',
      citations: [],
      ...(date && { date: date === '2020-03-04' ? `2021-01-${day}` : date }),
    };
    ops.push({ t: 'action', v: action });
  }
  return ops;
}

describe('reads in slices (embedded store)', () => {
  test('the timeline sorted in slices is in the order the one-go sort gives', async () => {
    const st = new GraphState();
    st.apply(graphOps(5000));
    await readInSlices(st, (slices) => st.prepareTimeline(slices), 0);
    const expected = sortByTimelineKey([...st.actions.values()]).map((a) => a.id);
    expect(st.sortedActions().map((a) => a.id)).toEqual(expected);
    // The columns built in slices filter as the predicate does.
    const filter = { types: ['BANNED' as const], from: '2020-01-01', to: '2020-12-31' };
    const pass = st.predicate(filter);
    expect(st.matching(filter).map((a) => a.id)).toEqual(expected.filter((id) => pass(st.actions.get(id)!)));
  });

  test('a read that a write lands in starts again, and answers for the version after the write', async () => {
    const st = new GraphState();
    st.apply(graphOps(200));
    let attempts = 0;
    const counting = readInSlices(
      st,
      async (slices: Slices) => {
        attempts++;
        let n = 0;
        // Pauses after every action (a slice of 0 ms is used up at once, and ticks are looked at every 128).
        for (const _ of st.actions.values()) {
          n++;
          for (let k = 0; k < 128; k++) if (slices.tick()) await slices.pause();
        }
        return n;
      },
      0,
    );
    // Lands during the first pause.
    await new Promise((resolve) => setImmediate(resolve));
    st.apply([{ t: 'delAction', id: 'a00000' }]);
    expect(await counting).toBe(199);
    expect(attempts).toBe(2);
  });

  test('chains searched in slices are those of the search done in one go', async () => {
    const st = new GraphState();
    st.apply(graphOps(400));
    const rules = chainRules(
      {},
      {},
      (id) => st.actions.get(id)?.respondsTo,
      () => true,
    );
    const oneGo = timeRespectingChains(st.graph, 'p0', 5, rules, 50);
    const sliced = await findChains(st, 'p0', 5, {}, 50);
    expect(oneGo.chains.length).toBeGreaterThan(0);
    expect(sliced.truncated).toBe(oneGo.truncated);
    expect(sliced.chains.map((c) => c.steps.map((s) => s.actions))).toEqual(oneGo.chains.map((c) => c.map((s) => s.actions)));
  });
  test('responses placed in slices are in the order the one-go rule gives, and kept until a write', async () => {
    const st = new GraphState();
    const ops = graphOps(3000);
    // Each 7th action responds to one or two earlier-numbered ones, some dated after it, so the rule moves them.
    for (const [i, op] of ops.entries()) {
      if (op.t !== 'action' || i % 7) continue;
      const n = Number(op.v.id.slice(1));
      if (n > 10) op.v.respondsTo = [`a${String(n - 3).padStart(5, '0')}`, ...(n % 2 ? [`a${String(n - 10).padStart(5, '0')}`] : [])];
    }
    st.apply(ops);
    const keyOrder = sortByTimelineKey([...st.actions.values()]);
    const expected = respectResponses(keyOrder.slice()).map((a) => a.id);
    expect(expected).not.toEqual(keyOrder.map((a) => a.id));
    // The steps alone, driven to the end, leave their input as it was.
    const steps = respectResponsesSteps(keyOrder);
    let r = steps.next();
    while (!r.done) r = steps.next();
    expect(r.value?.map((a) => a.id)).toEqual(expected);
    // Through the timeline, in slices of 0 ms: the ordered list is made while preparing, and the same list is read again.
    await readInSlices(st, (slices) => st.prepareTimeline(slices), 0);
    const first = st.orderedActions();
    expect(first.map((a) => a.id)).toEqual(expected);
    expect(st.orderedActions()).toBe(first);
    // A write makes it again, with the new action in place.
    const late: Action = { ...st.actions.get('a00014')!, id: 'a99999', respondsTo: ['a00020'], date: '1990' };
    st.apply([{ t: 'action', v: late }]);
    const after = st.orderedActions().map((a) => a.id);
    expect(after).toEqual(respectResponses(sortByTimelineKey([...st.actions.values()])).map((a) => a.id));
    expect(after.indexOf('a99999')).toBeGreaterThan(after.indexOf('a00020'));
  });
});
