/**
 * Neighbourhoods of the embedded store (through its public methods, filters included)
 * against brute-force references built on the raw action list with their own date handling
 * (brute-force/): random small multigraphs whose dates mix precisions, offsets, equal instants
 * and undated actions. The eager copies under reference/ only guard the rewrites; these check the
 * rule of the spec.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import type { Action, ActionFilter, ActionType, Status } from '../../contract';
import { silentLogger } from '../../server/logger';
import { EmbeddedStore } from '../../server/store/embedded';
import { doc } from '../contract/fixtures';
import { tempDir } from '../support/stores';
import { compareDateValues, meaning } from './brute-force/dates';
import { passesFilter } from './brute-force/filter';
import { bruteForceNeighbourhood } from './brute-force/neighbourhood';

const RUNS = Number(process.env.RUNS ?? 150);

// Equal instants at different precisions ('2020' and '2020-01-01'), the same instant in two
// offsets, a late-evening local time that is the next day in UTC, and undated actions.
const DATES = [
  '2020',
  '2020-01-01',
  '2020-03',
  '2020-03-01',
  '2020-03-04',
  '2020-03-04T10:00:00Z',
  '2020-03-04T02:00:00-08:00',
  '2020-03-04T23:30:00-08:00',
  '2020-03-05',
  '2021',
];
const WINDOW = ['2020', '2020-03', '2020-03-04', '2020-03-05T06:00:00Z', '2021'];
const TYPES: ActionType[] = ['BANNED', 'SUED', 'HOSTED'];
const STATUSES: Status[] = ['confirmed', 'reported'];

const graphs = fc.record({
  n: fc.integer({ min: 2, max: 7 }),
  edges: fc.array(
    fc.record({
      from: fc.nat(6),
      to: fc.nat(6),
      date: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
      end: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
      type: fc.constantFrom(...TYPES),
      status: fc.constantFrom(...STATUSES),
    }),
    { maxLength: 11 },
  ),
});

type Graph = typeof graphs extends fc.Arbitrary<infer G> ? G : never;

const filters: fc.Arbitrary<ActionFilter> = fc
  .record({
    types: fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }),
    statuses: fc.option(fc.subarray(STATUSES, { minLength: 1 }), { nil: undefined }),
    from: fc.option(fc.constantFrom(...WINDOW), { nil: undefined }),
    to: fc.option(fc.constantFrom(...WINDOW), { nil: undefined }),
  })
  .map((f) => {
    const out: ActionFilter = {};
    if (f.types) out.types = f.types;
    if (f.statuses) out.statuses = f.statuses;
    if (f.from) out.from = f.from;
    if (f.to && (!f.from || meaning(f.to).last >= meaning(f.from).first)) out.to = f.to;
    return out;
  });

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
    if (e.date !== undefined) {
      a.date = e.end !== undefined && compareDateValues(e.end, e.date) > 0 ? `${e.date}/${e.end}` : e.date;
    }
    actions.push(a);
  });
  return actions;
}

/** An embedded store holding the graph, opened for one property run and removed after. */
async function withStore<T>(n: number, actions: Action[], use: (store: EmbeddedStore) => Promise<T>): Promise<T> {
  const dir = tempDir('dg-oracle-');
  const store = await EmbeddedStore.open({ dataDir: dir, logger: silentLogger() });
  try {
    await store.importDocument(doc({ actors: Array.from({ length: n }, (_, i) => `v${i}`), actions }));
    return await use(store);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a neighbourhood is the actors within depth passing actions of the focus and the passing actions among them', async () => {
  await fc.assert(
    fc.asyncProperty(
      graphs,
      filters,
      fc.nat(6),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 30 }),
      async (g, filter, who, depth, cap) => {
        const actions = actionsOf(g);
        const focus = `v${who % g.n}`;
        const full = bruteForceNeighbourhood(
          actions.filter((a) => passesFilter(a, filter)),
          focus,
          depth,
        );
        const [uncapped, capped] = await withStore(g.n, actions, async (s) => [
          await s.neighbourhood(focus, depth, filter, 5000),
          await s.neighbourhood(focus, depth, filter, cap),
        ]);
        expect({
          actors: uncapped!.actors.map((a) => a.id).sort(),
          actions: uncapped!.actions.map((a) => a.id).sort(),
          truncated: uncapped!.truncated,
        }).toEqual({ ...full, truncated: false });
        // Under a cap: a part of the neighbourhood, the focus in it, no action to an actor left out,
        // and truncated exactly when something was left out.
        const actors = capped!.actors.map((a) => a.id);
        const kept = capped!.actions.map((a) => a.id);
        const total = full.actors.length + full.actions.length;
        expect(actors).toContain(focus);
        expect(full.actors).toEqual(expect.arrayContaining(actors));
        expect(full.actions).toEqual(expect.arrayContaining(kept));
        for (const a of capped!.actions) expect(actors).toEqual(expect.arrayContaining([a.from, a.to]));
        expect(actors.length + kept.length).toBe(Math.min(total, cap));
        expect(capped!.truncated).toBe(total > cap);
      },
    ),
    { numRuns: RUNS, seed: 20261130 },
  );
});
