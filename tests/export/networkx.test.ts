/**
 * The GraphML, GEXF and Cytoscape JSON exports, taken from the running API over each store and
 * read by NetworkX's own readers (nx.read_graphml, nx.read_gexf, nx.cytoscape_graph): the counts,
 * the attributes with their types, and parallel actions kept as separate edges.
 */
import request from 'supertest';
import type { Express } from 'express';
import { seedDocument } from '../support/seed';
import { describeEachStore } from '../support/stores';
import { describeWith, testWith } from '../support/needs';
import { action, actor, doc, importDoc, openHarness, source, SRC, type Harness } from '../api/harness';
import { findNetworkx, readWithNetworkx, type Networkx, type NxFormat, type NxGraph } from './networkx';

const found = findNetworkx();
const nx = typeof found === 'string' ? null : found;
const missing = typeof found === 'string' ? found : null;
const seed = seedDocument();

/**
 * A small graph worked out by hand: two parallel accusations x→y of one type, an action each way
 * between x and y, a dated suit at a Pacific evening (07:59 UTC the next day), an undated hosting.
 */
const small = doc(
  [actor('x', { name: 'Ex Corp', layer: 'cloud-hosting' }), actor('y', { name: 'Why Inc', kind: 'platform' }), actor('z')],
  [
    action('x-accuses-y-1', 'ACCUSED', 'x', 'y', '2021-01-09', { status: 'alleged', claimedBy: ['x'], summary: 'first charge' }),
    action('x-accuses-y-2', 'ACCUSED', 'x', 'y', '2021-01-09', { status: 'alleged', claimedBy: ['x'], summary: 'second charge' }),
    action('y-sues-x', 'SUED', 'y', 'x', '2021-01-10T23:59:00-08:00', { summary: 'a suit', details: { court: 'W.D. Wash.' } }),
    action('x-hosts-z', 'HOSTED', 'x', 'z', undefined, { endDate: '2021-01' }),
  ],
  [source(SRC)],
);

async function exportText(app: Express, format: NxFormat): Promise<string> {
  const res = await request(app)
    .get(`/api/export?format=${format}`)
    .buffer(true)
    .parse((r, done) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (text += chunk));
      r.on('end', () => done(null, text));
    })
    .expect(200);
  return res.body as string;
}

const edge = (g: NxGraph, id: string) => {
  const e = g.edges.find(([, , key, d]) => key === id || d.id === id);
  if (!e) throw new Error(`no edge ${id} among ${g.edges.map(([, , k]) => k).join(', ')}`);
  return { source: e[0], target: e[1], key: e[2], data: e[3] };
};

describeWith('python', missing, 'NetworkX reads the exports', () => {
  const py = nx as Networkx;

  describeEachStore('exports read by NetworkX', (factory) => {
    let h: Harness;
    let s: Harness;
    const graphs = new Map<NxFormat, NxGraph>();

    beforeAll(async () => {
      h = await openHarness(factory);
      await importDoc(h.app, small);
      s = await openHarness(factory);
      await importDoc(s.app, seed);
    });
    afterAll(async () => {
      await h.close();
      await s.close();
    });

    const formats: NxFormat[] = ['graphml', 'gexf', 'cyjs'];
    describe.each(formats)('%s', (format) => {
      const read = async (app: Express) => readWithNetworkx(py, format, await exportText(app, format));
      // Debian 12's NetworkX (2.8) reads GEXF 1.1 and 1.2 drafts only; 1.3 came with NetworkX 3.
      const noReader =
        format === 'gexf' && !py.gexf13 ? `NetworkX ${py.version} (${py.python}) reads no GEXF 1.3 (NetworkX 3.x does)` : null;
      const it = (title: string, fn: () => Promise<void>) => testWith('python', noReader, title, fn);

      beforeAll(async () => {
        if (noReader === null) graphs.set(format, await read(h.app));
      });

      it('a directed multigraph with every actor and every action of the seed', async () => {
        const g = await read(s.app);
        expect(g.directed).toBe(true);
        expect(g.multigraph).toBe(true);
        expect(Object.keys(g.nodes).sort()).toEqual(seed.actors!.map((a) => a.id).sort());
        expect(g.edges).toHaveLength(seed.actions!.length);
        const ids = g.edges.map(([, , key]) => String(key)).sort();
        expect(ids).toEqual(seed.actions!.map((a) => a.id).sort());
      });

      it('parallel actions stay separate edges, keyed by action id', async () => {
        const g = graphs.get(format)!;
        expect(g.edges).toHaveLength(4);
        const xy = g.edges.filter(([u, v]) => u === 'x' && v === 'y');
        expect(xy.map(([, , key]) => key).sort()).toEqual(['x-accuses-y-1', 'x-accuses-y-2']);
        expect(xy.map(([, , , d]) => d.summary).sort()).toEqual(['first charge', 'second charge']);
        // The suit runs the other way: direction is kept.
        expect(edge(g, 'y-sues-x')).toMatchObject({ source: 'y', target: 'x' });
      });

      it('node attributes keep their values and types', async () => {
        const g = graphs.get(format)!;
        expect(g.nodes.x).toMatchObject({ label: 'Ex Corp', kind: 'company', layer: 'cloud-hosting', degree: 4 });
        expect(g.nodes.y).toMatchObject({ label: 'Why Inc', kind: 'platform', degree: 3 });
        expect(g.nodes.z).toMatchObject({ label: 'Actor z', degree: 1 });
      });

      it('edge attributes: type, label, date, status, summary, claimants, details', async () => {
        const g = graphs.get(format)!;
        const suit = edge(g, 'y-sues-x').data;
        expect(suit).toMatchObject({
          actionType: 'SUED',
          label: 'sued',
          date: '2021-01-10T23:59:00-08:00',
          status: 'confirmed',
          summary: 'a suit',
        });
        expect(JSON.parse(suit.details as string)).toEqual({ court: 'W.D. Wash.' });
        const charge = edge(g, 'x-accuses-y-1').data;
        expect(charge).toMatchObject({ actionType: 'ACCUSED', status: 'alleged', date: '2021-01-09' });
        // Cytoscape JSON keeps lists; the XML formats have no list type and join them with '; '.
        expect(charge.claimedBy).toEqual(format === 'cyjs' ? ['x'] : 'x');
        const hosting = edge(g, 'x-hosts-z').data;
        expect(hosting.date).toBeUndefined();
        expect(hosting.dated).toBe(false);
        expect(suit.dated).toBe(true);
      });

      if (format === 'gexf') {
        it("Gephi's timeline: start and end instants in UTC, as NetworkX reads them", async () => {
          const g = graphs.get(format)!;
          expect(g.graph.mode).toBe('dynamic');
          // 23:59 at -08:00 on the 10th is 07:59 UTC on the 11th.
          expect(edge(g, 'y-sues-x').data).toMatchObject({ start: '2021-01-11T07:59:00Z' });
          expect(edge(g, 'y-sues-x').data.end).toBeUndefined();
          expect(edge(g, 'x-accuses-y-1').data).toMatchObject({ start: '2021-01-09T00:00:00Z' });
          // Undated, ended in January 2021: no start, an end at the last millisecond of the month.
          expect(edge(g, 'x-hosts-z').data.start).toBeUndefined();
          expect(edge(g, 'x-hosts-z').data).toMatchObject({ end: '2021-01-31T23:59:59.999Z' });
        });
      }
    });
  });
});
