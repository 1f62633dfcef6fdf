/**
 * Chains of the embedded store (through its public method) against the brute-force reference
 * (brute-force/chains.ts) on random small multigraphs: mixed precisions and intervals, parallel
 * actions, response links, every category, the filters, `order=certain` and the limit.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import { categoryOf, type Action, type ActionFilter, type ActionType, type Category, type Status } from '../../contract';
import { silentLogger } from '../../server/logger';
import { EmbeddedStore } from '../../server/store/embedded';
import { doc } from '../contract/fixtures';
import { tempDir } from '../support/stores';
import { bruteForceChains, type OracleTime } from './brute-force/chains';
import { meaning } from './brute-force/dates';
import { passesFilter } from './brute-force/filter';

const RUNS = Number(process.env.RUNS ?? 600);

// Wide spans ('2020', a long interval) among day-precise ones, so a step can be possible while an
// earlier action of the chain certainly comes after the next one; equal days make parallel
// actions on one day.
const DATES = ['2020', '2020-01-01', '2020-03-04', '2020-03-05', '2020-06-01', '2020-03-04T10:00:00Z'];
const ENDS = ['2020-03-04', '2020-12-31'];
// One type of each kind that matters: followed by default (sanction, legal, restoration) or not (claim, relationship).
const TYPES: ActionType[] = ['BANNED', 'SUED', 'REINSTATED', 'DENIED', 'HOSTED'];
const STATUSES: Status[] = ['confirmed', 'reported'];
const CATEGORIES: Category[] = ['sanction', 'legal', 'restoration', 'claim', 'relationship'];

const graphs = fc.record({
  n: fc.integer({ min: 2, max: 4 }),
  edges: fc.array(
    fc.record({
      from: fc.nat(3),
      to: fc.nat(3),
      date: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
      end: fc.option(fc.constantFrom(...ENDS), { nil: undefined }),
      type: fc.constantFrom(...TYPES),
      status: fc.constantFrom(...STATUSES),
      // Responds to the action this many places before it (0: to none), when the dates allow.
      respondsBack: fc.nat(3),
    }),
    { maxLength: 9 },
  ),
});
type Graph = typeof graphs extends fc.Arbitrary<infer G> ? G : never;

const filters: fc.Arbitrary<ActionFilter> = fc
  .record({
    types: fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }),
    statuses: fc.option(fc.subarray(STATUSES, { minLength: 1 }), { nil: undefined }),
    from: fc.option(fc.constantFrom('2020-03', '2020-03-05'), { nil: undefined }),
  })
  .map((f) => {
    const out: ActionFilter = {};
    if (f.types) out.types = f.types;
    if (f.statuses) out.statuses = f.statuses;
    if (f.from) out.from = f.from;
    return out;
  });

const spanOf = (date: string) => {
  const [first, last = first] = date.split('/') as [string, string?];
  return { first: meaning(first).first, last: Math.max(meaning(first).last, meaning(last).last) };
};

/** Timeline order, from the oracle's own reading of dates: first instant, then last, then id. */
const time: OracleTime = {
  span: (a) => (a.date === undefined ? null : spanOf(a.date)),
  compare: (a, b) => {
    const x = spanOf(a.date!);
    const y = spanOf(b.date!);
    return x.first - y.first || x.last - y.last || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  },
};

function actionsOf({ n, edges }: Graph): Action[] {
  const actions: Action[] = [];
  edges.forEach((e, i) => {
    const from = `v${e.from % n}`;
    const to = `v${e.to % n}`;
    if (from === to) return;
    const a: Action = {
      id: `x${String(i).padStart(2, '0')}`,
      type: e.type,
      from,
      to,
      status: e.status,
      summary: 's',
      citations: [{ source: 'src', stance: 'states' }],
    };
    if (e.date !== undefined) a.date = e.end !== undefined && spanOf(e.end).last > spanOf(e.date).last ? `${e.date}/${e.end}` : e.date;
    const target = e.respondsBack > 0 ? actions[actions.length - e.respondsBack] : undefined;
    // Validation refuses a response whose span ends before its target's begins.
    if (target && !(a.date && target.date && spanOf(a.date).last < spanOf(target.date).first)) a.respondsTo = [target.id];
    actions.push(a);
  });
  return actions;
}

async function withStore<T>(n: number, actions: Action[], use: (store: EmbeddedStore) => Promise<T>): Promise<T> {
  const dir = tempDir('dg-chains-oracle-');
  const store = await EmbeddedStore.open({ dataDir: dir, logger: silentLogger() });
  try {
    await store.importDocument(doc({ actors: Array.from({ length: n }, (_, i) => `v${i}`), actions }));
    return await use(store);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('chains are the maximal sequences in a possible time order the design defines, parallel steps merged, longest then earliest first', async () => {
  await fc.assert(
    fc.asyncProperty(
      graphs,
      filters,
      fc.nat(3),
      fc.integer({ min: 2, max: 5 }),
      fc.integer({ min: 1, max: 20 }),
      fc.boolean(),
      fc.option(fc.subarray(CATEGORIES, { minLength: 1 }), { nil: undefined }),
      async (g, filter, who, maxLength, limit, certainOnly, categories) => {
        const actions = actionsOf(g);
        const actor = `v${who % g.n}`;
        const followed = new Set<string>(categories ?? ['sanction', 'notice', 'restoration', 'migration', 'legal']);
        const expected = bruteForceChains(
          actions,
          actions.filter((a) => passesFilter(a, filter)),
          actor,
          maxLength,
          limit,
          time,
          { certainOnly, follows: (a) => followed.has(categoryOf(a.type)) },
        );
        const got = await withStore(g.n, actions, (s) =>
          s.chains(actor, maxLength, filter, limit, { certainOnly, ...(categories && { categories }) }),
        );
        expect(got.chains.map((c) => c.steps)).toEqual(expected.chains);
        expect(got.chains.map((c) => c.actions)).toEqual(expected.chains.map((c) => c.map((s) => s.actions[0])));
        expect(got.truncated).toBe(expected.truncated);
      },
    ),
    { numRuns: RUNS, seed: 20261201 },
  );
});
