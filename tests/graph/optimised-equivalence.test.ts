/**
 * The optimised traversals against the simpler implementations they replaced (kept under
 * reference/) on random skewed multigraphs: answers must be identical, truncation included.
 */
import fc from 'fast-check';
import {
  actionAttributes,
  actorsWithin,
  buildActionGraph,
  cappedPart,
  chainRules,
  incidentActions,
  timeRespectingChains,
} from '../../server/graph';
import { actionPredicate, compareActions, mustParseDate, sortTimeline, type Action, type Actor } from '../../contract';
import { GraphState } from '../../server/store/embedded/state';
import { cappedPart as eagerCapped } from './reference/neighbourhood';

function docFrom(n: number, edges: [number, number, number, number][]) {
  const actors: Actor[] = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, name: `A${i}`, kind: 'company' }));
  const actions: Action[] = edges
    .filter(([a, b]) => a % n !== b % n)
    .map(([a, b, day, t], i) => ({
      id: `x${String(i).padStart(3, '0')}`,
      type: (['BANNED', 'SUED', 'HOSTED'] as const)[t % 3]!,
      from: `a${a % n}`,
      to: `a${b % n}`,
      ...(day % 7 === 6 ? {} : { date: `2020-01-${String(1 + (day % 5)).padStart(2, '0')}` }),
      status: 'confirmed',
      summary: 's',
      citations: [{ source: 's', stance: 'states' as const }],
    }));
  return { actors, actions };
}
// Skewed: low-numbered actors are hubs.
const edge = fc.tuple(
  fc.nat(40).map((x) => Math.floor((x * x) / 40)),
  fc.nat(40),
  fc.nat(13),
  fc.nat(5),
);
const arb = fc.record({
  n: fc.integer({ min: 2, max: 16 }),
  edges: fc.array(edge, { maxLength: 60 }),
  s: fc.nat(40),
  t: fc.nat(40),
  max: fc.integer({ min: 1, max: 6 }),
  limit: fc.integer({ min: 1, max: 12 }),
  filt: fc.boolean(),
  cap: fc.integer({ min: 1, max: 80 }),
});
const RUNS = Number(process.env.RUNS ?? 500);

test('chains: fetching actors on demand (as Neo4j does) answers as the search on the whole graph, truncation included', () => {
  fc.assert(
    fc.property(arb, fc.integer({ min: 5, max: 400 }), ({ n, edges, s, max, limit, filt }, bound) => {
      const d = docFrom(n, edges);
      const g = buildActionGraph(d.actors, d.actions);
      const rules = chainRules(filt ? { types: ['BANNED', 'SUED'] } : {});
      const passes = rules.passes;
      const m = Math.max(2, max);
      const actor = `a${s % n}`;
      const whole = timeRespectingChains(g, actor, m, rules, limit, bound);
      const old = { chains: whole.chains, truncated: whole.truncated };
      // On demand: start from the actor's own actions, add the missing actors' actions, search again.
      const fetched = new Set([actor]);
      const have = new Map<string, Action>();
      const touch = (id: string) =>
        d.actions.filter((a) => (a.from === id || a.to === id) && a.date !== undefined && passes(a)).forEach((a) => have.set(a.id, a));
      touch(actor);
      for (let round = 0; round < 100; round++) {
        const ids = new Set([actor, ...[...have.values()].flatMap((a) => [a.from, a.to])]);
        const part = buildActionGraph(
          [...ids].map((id) => ({ id }) as Actor),
          have.values(),
        );
        const r = timeRespectingChains(part, actor, m, rules, limit, bound, (x) => fetched.has(x));
        if (r.missing.length === 0) {
          expect({ chains: r.chains, truncated: r.truncated }).toEqual(old);
          return;
        }
        for (const x of r.missing) {
          touch(x);
          fetched.add(x);
        }
      }
      throw new Error('no fixpoint');
    }),
    { numRuns: RUNS },
  );
});

test("cappedPart: looking a hub's actions up by kept actor answers as reading them all", () => {
  fc.assert(
    fc.property(arb, ({ n, edges, s, max, filt, cap }) => {
      const d = docFrom(n, edges);
      const g = buildActionGraph(d.actors, d.actions);
      const passes = actionPredicate(filt ? { types: ['BANNED', 'SUED'] } : {});
      const ids = actorsWithin(g, `a${s % n}`, 1 + (max % 3), passes);
      expect(cappedPart(g, ids, passes, cap)).toEqual(eagerCapped(g, ids, passes, cap));
    }),
    { numRuns: RUNS },
  );
});

test('timeline: the binary-searched, span-array matching is the filter applied to the whole timeline', () => {
  const dates = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(
      '2019',
      '2020',
      '2020-02',
      '2020-03-04',
      '2021-01-01T10:00:00Z',
      '2020-12-31T23:30:00-08:00',
      '2018-06',
      '0099',
      '2020-03-04T00:00:00+14:00',
    ),
  );
  const bound = fc.option(fc.constantFrom('2019', '2020-03', '2020-03-04', '2020-12-31', '2021', '2020-03-04T12:00:00Z'));
  fc.assert(
    fc.property(
      fc.array(fc.tuple(dates, dates, fc.constantFrom('BANNED', 'SUED'), fc.constantFrom('confirmed', 'alleged')), { maxLength: 30 }),
      bound,
      bound,
      fc.boolean(),
      fc.boolean(),
      (spans, from, to, onlySued, onlyAlleged) => {
        const st = new GraphState();
        st.apply([
          { t: 'actor', v: { id: 'a', name: 'A', kind: 'company' } },
          { t: 'actor', v: { id: 'b', name: 'B', kind: 'company' } },
        ]);
        st.apply(
          spans.map(([d, e, type, status], i) => ({
            t: 'action' as const,
            v: {
              id: `x${i}`,
              type,
              from: 'a',
              to: 'b',
              status,
              summary: 's',
              citations: [],
              // v1's date and endDate, as the v2 interval they convert to (an end before the date is dropped).
              ...(d ? { date: e && mustParseDate(e).end >= mustParseDate(d).start ? `${d}/${e}` : d } : {}),
            },
          })),
        );
        const f = {
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(onlySued ? { types: ['SUED' as const] } : {}),
          ...(onlyAlleged ? { statuses: ['alleged' as const] } : {}),
        };
        const p = actionPredicate(f);
        expect(st.matching(f).map((a) => a.id)).toEqual(
          st
            .sortedActions()
            .filter(p)
            .map((a) => a.id),
        );
      },
    ),
    { numRuns: RUNS },
  );
});

test('sortTimeline orders as compareActions; incidentActions follows every change to the graph', () => {
  const dates = fc.option(
    fc.constantFrom(
      '2019',
      '2020-02',
      '2020-03-04',
      '2021-01-01T10:00:00Z',
      '2020-12-31T23:30:00-08:00',
      '0099',
      '2020-03-04T00:00:00+14:00',
    ),
    { nil: undefined },
  );
  fc.assert(
    fc.property(
      fc.array(fc.tuple(dates, fc.nat(3), fc.nat(3)), { maxLength: 40 }),
      fc.array(fc.nat(39), { maxLength: 10 }),
      (specs, drops) => {
        const actions = specs.map(([date, f, t], i): Action => ({
          id: `x${String((i * 7) % 40).padStart(2, '0')}-${i}`,
          type: 'BANNED',
          from: `a${f}`,
          to: `a${(f + t + 1) % 4 === f ? (f + 1) % 4 : (f + t + 1) % 4}`,
          status: 'confirmed',
          summary: 's',
          citations: [],
          ...(date ? { date } : {}),
        }));
        expect(sortTimeline([...actions]).map((a) => a.id)).toEqual([...actions].sort(compareActions).map((a) => a.id));
        const g = buildActionGraph(
          ['a0', 'a1', 'a2', 'a3'].map((id) => ({ id }) as Actor),
          actions,
        );
        const expected = (id: string) =>
          g
            .edges(id)
            .map((k) => g.getEdgeAttribute(k, 'action'))
            .sort(compareActions)
            .map((a) => a.id);
        for (const id of ['a0', 'a1', 'a2', 'a3']) expect(incidentActions(g, id).map((a) => a.id)).toEqual(expected(id));
        for (const d of drops) if (actions[d] && g.hasEdge(actions[d].id)) g.dropEdge(actions[d].id);
        g.addDirectedEdgeWithKey(
          'late',
          'a0',
          'a1',
          actionAttributes({
            id: 'late',
            type: 'SUED',
            from: 'a0',
            to: 'a1',
            status: 'confirmed',
            summary: 's',
            citations: [],
            date: '2000',
          } as unknown as Action),
        );
        for (const id of ['a0', 'a1', 'a2', 'a3']) expect(incidentActions(g, id).map((a) => a.id)).toEqual(expected(id));
      },
    ),
    { numRuns: RUNS },
  );
});

test('the timeline and its filter columns, kept up to date by splicing changes in, equal those built afresh', () => {
  const dates = fc.option(fc.constantFrom('2019', '2020-02', '2020-03-04', '2021-01-01T10:00:00Z', '2020-12-31T23:30:00-08:00'), {
    nil: undefined,
  });
  const op = fc.oneof(fc.record({ put: fc.nat(15), date: dates, type: fc.constantFrom('BANNED', 'SUED') }), fc.record({ del: fc.nat(15) }));
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.array(op, { maxLength: 8 }), fc.boolean()), { maxLength: 12 }), (batches) => {
      const st = new GraphState();
      st.apply([
        { t: 'actor', v: { id: 'a', name: 'A', kind: 'company' } },
        { t: 'actor', v: { id: 'b', name: 'B', kind: 'company' } },
      ]);
      const ids = () => st.sortedActions().map((a) => a.id);
      const fresh = () => [...st.actions.values()].sort(compareActions).map((a) => a.id);
      const filters = [
        { types: ['SUED' as const] },
        { from: '2020-02-15', to: '2020-12-31' },
        { from: '2020-03', types: ['BANNED' as const] },
        { to: '2019-06' },
      ];
      for (const [ops, read] of batches) {
        st.apply(
          ops.map((o) =>
            'put' in o
              ? {
                  t: 'action' as const,
                  v: {
                    id: `x${String(o.put).padStart(2, '0')}`,
                    type: o.type,
                    from: 'a',
                    to: 'b',
                    status: 'confirmed',
                    summary: 's',
                    citations: [],
                    ...(o.date ? { date: o.date } : {}),
                  } as unknown as Action,
                }
              : { t: 'delAction' as const, id: `x${String(o.del).padStart(2, '0')}` },
          ),
        );
        if (read) {
          expect(ids()).toEqual(fresh());
          // The filter columns are spliced along with the list: filtering must agree too.
          for (const f of filters)
            expect(st.matching(f).map((a) => a.id)).toEqual(
              [...st.actions.values()]
                .sort(compareActions)
                .filter(actionPredicate(f))
                .map((a) => a.id),
            );
        }
      }
      expect(ids()).toEqual(fresh());
    }),
    { numRuns: RUNS },
  );
});
