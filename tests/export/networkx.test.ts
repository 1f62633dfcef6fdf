/**
 * The GraphML, GEXF and Cytoscape JSON exports, taken from the running API over each store and
 * read by NetworkX's own readers (nx.read_graphml, nx.read_gexf, nx.cytoscape_graph): the counts,
 * the attributes with their types, and parallel actions kept as separate edges.
 */
import { seedDocument } from '../support/seed';
import { describeEachStore } from '../support/stores';
import { describeWith, testWith } from '../support/needs';
import { importDoc, openHarness, SRC, type Harness } from '../api/harness';
import { exportText } from './fetch';
import { EPISODES, LA, small } from './fixture';
import { findNetworkx, readWithNetworkx, type Networkx, type NxFormat, type NxGraph } from './networkx';

const found = findNetworkx();
const nx = typeof found === 'string' ? null : found;
const missing = typeof found === 'string' ? found : null;
const seed = seedDocument();

const edge = (g: NxGraph, id: string) => {
  const e = g.edges.find(([, , key, d]) => key === id || d.id === id);
  if (!e) throw new Error(`no edge ${id} among ${g.edges.map(([, , k]) => k).join(', ')}`);
  return { source: e[0], target: e[1], key: e[2], data: e[3] };
};

describeWith('python', missing, 'NetworkX reads the exports', () => {
  const py = nx as Networkx;

  describeEachStore('exports read by NetworkX', (factory) => {
    const formats: NxFormat[] = ['graphml', 'gexf', 'cyjs'];
    // Debian 12's NetworkX (2.8) reads GEXF 1.1 and 1.2 drafts only; 1.3 came with NetworkX 3.
    const noReaderFor = (format: NxFormat) =>
      format === 'gexf' && !py.gexf13 ? `NetworkX ${py.version} (${py.python}) reads no GEXF 1.3 (NetworkX 3.x does)` : null;
    const graphs = new Map<NxFormat, NxGraph>();
    const seedGraphs = new Map<NxFormat, NxGraph>();

    // One store at a time: on Neo4j both harnesses would share (and reset) one database.
    const filtered = new Map<string, NxGraph>();
    const readAll = async (doc: typeof small, into: Map<NxFormat, NxGraph>, queries: string[] = []) => {
      const h: Harness = await openHarness(factory);
      try {
        await importDoc(h.app, doc);
        for (const format of formats) {
          if (noReaderFor(format) !== null) continue;
          into.set(format, readWithNetworkx(py, format, await exportText(h.app, format)));
          for (const q of queries) filtered.set(format + q, readWithNetworkx(py, format, await exportText(h.app, format, q)));
        }
      } finally {
        await h.close();
      }
    };
    beforeAll(async () => {
      await readAll(small, graphs, ['&type=SUED', '&type=WARNED']);
      await readAll(seed, seedGraphs);
    });

    describe.each(formats)('%s', (format) => {
      const noReader = noReaderFor(format);
      const it = (title: string, fn: () => Promise<void>) => testWith('python', noReader, title, fn);

      it('a directed multigraph with every actor and every action of the seed', async () => {
        const g = seedGraphs.get(format)!;
        expect(g.directed).toBe(true);
        expect(g.multigraph).toBe(true);
        expect(Object.keys(g.nodes).sort()).toEqual(seed.actors!.map((a) => a.id).sort());
        expect(g.edges).toHaveLength(seed.actions!.length);
        const ids = g.edges.map(([, , key]) => String(key)).sort();
        expect(ids).toEqual(seed.actions!.map((a) => a.id).sort());
      });

      it('parallel actions stay separate edges, keyed by action id', async () => {
        const g = graphs.get(format)!;
        expect(g.edges).toHaveLength(8);
        const xy = g.edges.filter(([u, v]) => u === 'x' && v === 'y');
        expect(xy.map(([, , key]) => key).sort()).toEqual(['x-accuses-y-1', 'x-accuses-y-2', 'x-restricts-y', 'x-suspends-y', 'x-warns-y']);
        expect(edge(g, 'x-accuses-y-1').data.summary).toBe('first charge');
        expect(edge(g, 'x-accuses-y-2').data.summary).toBe('second charge');
        // The suit runs the other way: direction is kept.
        expect(edge(g, 'y-sues-x')).toMatchObject({ source: 'y', target: 'x' });
      });

      it('node attributes keep their values and types', async () => {
        const g = graphs.get(format)!;
        expect(g.nodes.x).toMatchObject({ label: 'Ex Corp', kind: 'company', layer: 'cloud-hosting', degree: 7 });
        expect(g.nodes.y).toMatchObject({ label: 'Why Inc', kind: 'platform', degree: 7 });
        expect(g.nodes.z).toMatchObject({ label: 'Actor z', degree: 2 });
      });

      /** A list as the format carries it: a list in Cytoscape JSON, joined with '; ' in the XML formats. */
      const listOf = (...items: string[]) => (format === 'cyjs' ? items : items.join('; '));

      it('edge attributes: type, category, label, status, summary, claimants, details', async () => {
        const g = graphs.get(format)!;
        const suit = edge(g, 'y-sues-x').data;
        expect(suit).toMatchObject({ actionType: 'SUED', category: 'legal', label: 'sued', status: 'confirmed', summary: 'a suit' });
        expect(JSON.parse(suit.details as string)).toEqual({ court: 'W.D. Wash.' });
        const charge = edge(g, 'x-accuses-y-1').data;
        expect(charge).toMatchObject({ actionType: 'ACCUSED', category: 'claim', status: 'alleged', claimedBy: listOf('x') });
        expect(edge(g, 'x-warns-y').data).toMatchObject({ actionType: 'WARNED', category: 'notice' });
        expect(edge(g, 'x-restricts-y').data).toMatchObject({ category: 'sanction' });
        expect(edge(g, 'z-owns-y').data).toMatchObject({ category: 'relationship', dated: false });
      });

      it('dates: the text as written, the zone, the span in UTC instants, the flags', async () => {
        const g = graphs.get(format)!;
        expect(edge(g, 'x-accuses-y-1').data).toMatchObject({
          date: '2021-01-09',
          timezone: LA,
          spanStart: '2021-01-09T08:00:00Z',
          spanEnd: '2021-01-10T07:59:59.999Z',
          precision: 'day',
          uncertain: false,
          approximate: false,
          dated: true,
        });
        const second = edge(g, 'x-accuses-y-2').data;
        expect(second).toMatchObject({ date: '2021-01-09?', spanStart: '2021-01-09T00:00:00Z', spanEnd: '2021-01-09T23:59:59.999Z' });
        expect(second).toMatchObject({ uncertain: true, approximate: false });
        expect(second.timezone).toBeUndefined();
        expect(edge(g, 'x-warns-y').data).toMatchObject({
          spanStart: '2021-01-10T01:00:00Z',
          spanEnd: '2021-01-10T01:00:59.999Z',
          precision: 'datetime',
        });
        expect(edge(g, 'x-suspends-y').data).toMatchObject({ spanStart: '2021-01-11T07:59:00Z', spanEnd: '2021-01-11T07:59:59.999Z' });
        expect(edge(g, 'x-restricts-y').data).toMatchObject({
          date: '2021-01~',
          spanStart: '2020-12-01T00:00:00Z',
          spanEnd: '2021-02-28T23:59:59.999Z',
          precision: 'month',
          approximate: true,
          uncertain: false,
        });
        expect(edge(g, 'x-hosts-z').data).toMatchObject({
          date: '2020/2021-01-10',
          spanStart: '2020-01-01T00:00:00Z',
          spanEnd: '2021-01-10T23:59:59.999Z',
        });
        const undated = edge(g, 'z-owns-y').data;
        for (const key of ['date', 'spanStart', 'spanEnd', 'precision', 'uncertain', 'approximate']) expect(undated[key]).toBeUndefined();
      });

      it('responses, scope, term, reason and citations', async () => {
        const g = graphs.get(format)!;
        const suspension = edge(g, 'x-suspends-y').data;
        expect(suspension).toMatchObject({
          respondsTo: listOf('x-warns-y'),
          scope: listOf('global'),
          term: 'indefinite',
          reason: 'content it judged y left up',
          sources: listOf(SRC, 'src-b'),
          sourcesStating: listOf(SRC),
        });
        expect(JSON.parse(suspension.citations as string)).toEqual([
          { source: SRC, stance: 'states', locator: 'para. 3' },
          { source: 'src-b', stance: 'reports-claim', quote: 'a short excerpt' },
        ]);
        expect(edge(g, 'y-sues-x').data).toMatchObject({ respondsTo: listOf('x-suspends-y') });
        expect(edge(g, 'x-restricts-y').data).toMatchObject({ scope: listOf('BR', 'US-CA') });
        expect(edge(g, 'x-warns-y').data).toMatchObject({ term: 'temporary' });
        const charge = edge(g, 'x-accuses-y-1').data;
        expect(charge).toMatchObject({ sources: listOf(SRC) });
        // Only a claim is reported: no source states it.
        expect(charge.sourcesStating).toBeUndefined();
        for (const key of ['respondsTo', 'scope', 'term', 'reason']) expect(charge[key]).toBeUndefined();
      });

      it('episodes: named on each action; their records a graph attribute where the format has one', async () => {
        const g = graphs.get(format)!;
        expect(edge(g, 'x-suspends-y').data).toMatchObject({ episodes: listOf('ep-1') });
        expect(edge(g, 'y-sues-x').data).toMatchObject({ episodes: listOf('ep-1', 'ep-2') });
        expect(edge(g, 'x-warns-y').data.episodes).toBeUndefined();
        if (format === 'gexf') {
          // GEXF 1.3 has no graph attributes: the episodes are named on the edges only.
          expect(g.graph.episodes).toBeUndefined();
          return;
        }
        // Unfiltered, every episode (as in the JSON document); filtered, those the actions name.
        expect(JSON.parse(g.graph.episodes as string)).toEqual(EPISODES);
        const suits = filtered.get(format + '&type=SUED')!;
        expect(JSON.parse(suits.graph.episodes as string)).toEqual(EPISODES.filter((e) => e.id !== 'ep-unused'));
        const warnings = filtered.get(format + '&type=WARNED')!;
        expect(warnings.graph.episodes).toBeUndefined();
      });

      if (format === 'gexf') {
        it("Gephi's timeline: start and end instants in UTC, as NetworkX reads them", async () => {
          const g = graphs.get(format)!;
          expect(g.graph.mode).toBe('dynamic');
          // A single value starts the edge and leaves it there: a suspension stays once made.
          expect(edge(g, 'x-suspends-y').data).toMatchObject({ start: '2021-01-11T07:59:00Z' });
          expect(edge(g, 'x-suspends-y').data.end).toBeUndefined();
          expect(edge(g, 'x-restricts-y').data).toMatchObject({ start: '2020-12-01T00:00:00Z' });
          // An interval ends the edge at its last instant.
          expect(edge(g, 'x-hosts-z').data).toMatchObject({ start: '2020-01-01T00:00:00Z', end: '2021-01-10T23:59:59.999Z' });
          // Undated: there from the beginning, never ending.
          expect(edge(g, 'z-owns-y').data.start).toBeUndefined();
          expect(edge(g, 'z-owns-y').data.end).toBeUndefined();
        });
      }
    });
  });
});
