/**
 * The CSV export of a v2 graph, read by Python's csv module (what pandas and most scripts build
 * on): one row per action with the v2 columns, lists joined with '; ', flags as true/false.
 */
import { describeEachStore } from '../support/stores';
import { describeWith } from '../support/needs';
import { importDoc, openHarness, SRC, type Harness } from '../api/harness';
import { findNetworkx, readCsvWithPython, type Networkx } from './networkx';
import { exportText } from './fetch';
import { LA, small } from './fixture';

const found = findNetworkx();

describeWith('python', typeof found === 'string' ? found : null, 'Python reads the CSV export', () => {
  const py = found as Networkx;

  describeEachStore('CSV export read by Python', (factory) => {
    let h: Harness;
    let rows: Array<Record<string, string>>;
    const row = (id: string) => rows.find((r) => r.id === id)!;

    beforeAll(async () => {
      h = await openHarness(factory);
      await importDoc(h.app, small);
      rows = readCsvWithPython(py, await exportText(h.app, 'csv'));
    });
    afterAll(() => h.close());

    test('one row per action, edge list first', () => {
      expect(rows).toHaveLength(8);
      expect(Object.keys(rows[0]!).slice(0, 4)).toEqual(['id', 'source', 'target', 'label']);
      expect(row('y-sues-x')).toMatchObject({ source: 'y', target: 'x', actionType: 'SUED', category: 'legal' });
    });

    test('dates: as written, zone, span in UTC instants, flags', () => {
      expect(row('x-accuses-y-1')).toMatchObject({
        date: '2021-01-09',
        timezone: LA,
        spanStart: '2021-01-09T08:00:00Z',
        spanEnd: '2021-01-10T07:59:59.999Z',
        precision: 'day',
        uncertain: 'false',
        approximate: 'false',
        dated: 'true',
      });
      expect(row('x-accuses-y-2')).toMatchObject({ date: '2021-01-09?', timezone: '', uncertain: 'true' });
      expect(row('x-restricts-y')).toMatchObject({
        spanStart: '2020-12-01T00:00:00Z',
        spanEnd: '2021-02-28T23:59:59.999Z',
        approximate: 'true',
      });
      expect(row('z-owns-y')).toMatchObject({ date: '', spanStart: '', spanEnd: '', uncertain: '', dated: 'false' });
    });

    test('responses, scope, term, reason, citations', () => {
      expect(row('x-suspends-y')).toMatchObject({
        respondsTo: 'x-warns-y',
        scope: 'global',
        term: 'indefinite',
        reason: 'content it judged y left up',
        sources: `${SRC}; src-b`,
        sourcesStating: SRC,
      });
      expect(JSON.parse(row('x-suspends-y').citations!)).toEqual([
        { source: SRC, stance: 'states', locator: 'para. 3' },
        { source: 'src-b', stance: 'reports-claim', quote: 'a short excerpt' },
      ]);
      expect(row('x-restricts-y').scope).toBe('BR; US-CA');
      expect(row('x-accuses-y-1')).toMatchObject({ sourcesStating: '', respondsTo: '', claimedBy: 'x' });
    });

    test('part=episodes: the episodes with their spans, triggers and the exported actions in each', async () => {
      const episodes = readCsvWithPython(py, await exportText(h.app, 'csv', '&part=episodes'));
      expect(episodes.map((e) => e.id)).toEqual(['ep-1', 'ep-2', 'ep-unused']);
      expect(episodes[0]).toEqual({
        id: 'ep-1',
        title: 'y loses its providers',
        summary: 'The providers of y leave it within days.',
        date: '2021-01-06/2021-02',
        timezone: LA,
        spanStart: '2021-01-06T08:00:00Z',
        spanEnd: '2021-03-01T07:59:59.999Z',
        trigger: 'an attack',
        triggerWikidata: 'Q104179868',
        actions: 'x-suspends-y; y-sues-x',
      });
      expect(episodes[1]).toMatchObject({ id: 'ep-2', date: '', spanStart: '', actions: 'y-sues-x' });
      expect(episodes[2]).toMatchObject({ id: 'ep-unused', actions: '' });
      // Filtered: the episodes the passing actions name, with those actions only.
      const suits = readCsvWithPython(py, await exportText(h.app, 'csv', '&part=episodes&type=SUED'));
      expect(suits.map((e) => [e.id, e.actions])).toEqual([
        ['ep-1', 'y-sues-x'],
        ['ep-2', 'y-sues-x'],
      ]);
    });
  });
});
