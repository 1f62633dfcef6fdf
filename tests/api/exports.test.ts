/** Each export format, parsed back and checked against what was stored. */
import request from 'supertest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Express } from 'express';
import type { Action } from '../../contract';
import { seedDocument } from '../support/seed';
import { describeEachStore } from '../support/stores';
import { action, actor, doc, importDoc, openHarness, source, SRC, type Harness } from './harness';

const seed = seedDocument();
const seedActions = seed.actions ?? [];

/** The body of any answer as text, whatever its media type. */
async function fetchText(app: Express, url: string, status = 200): Promise<{ text: string; headers: Record<string, string> }> {
  const res = await request(app)
    .get(url)
    .buffer(true)
    .parse((r, done) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (text += chunk));
      r.on('end', () => done(null, text));
    })
    .expect(status);
  return { text: res.body as string, headers: res.headers };
}

/** A strict RFC 4180 reader: quoted cells with "" escapes, CRLF between records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cell !== '' || wasQuoted) throw new Error(`stray quote at ${i}`);
      quoted = wasQuoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      wasQuoted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`bare line break at ${i}`);
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      cell += c;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name) => ['key', 'node', 'edge', 'data', 'attribute', 'attributes', 'attvalue'].includes(name),
});

type XmlNode = Record<string, unknown>;

function parseXml(text: string): XmlNode {
  expect(XMLValidator.validate(text)).toBe(true);
  return xmlParser.parse(text) as XmlNode;
}

const records = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]!])));

/** Hostile text for the escaping checks: markup, quotes, separators, formulas, a control character. */
const WEIRD_NAME = 'A & B <tag> "quoted" \'apos\', semi; \u0001end';
const weird = doc(
  [
    actor('x-a', { name: WEIRD_NAME, aliases: ['=cmd|x', 'plain'] }),
    actor('x-b', { name: '=HYPERLINK("http://evil.example","click")', description: 'line one\nline "two", three\r\nfour' }),
    actor('x-c', { name: '+1 then', kind: 'person' }),
    actor('x-d', { name: '@SUM(A1)', kind: 'group' }),
  ],
  [
    action('x-ab', 'SUED', 'x-a', 'x-b', '2021-01-10T23:59:00-08:00', {
      summary: '-2+3 "quoted", <b>bold</b>\ttab',
      details: { venue: 'Court & "Co"', n: 3, flag: true },
    }),
    action('x-bc', 'HOSTED', 'x-b', 'x-c', '2020/2021-01'),
    action('x-cd', 'OWNS', 'x-c', 'x-d', undefined, { summary: '\tstarts with a tab' }),
  ],
  [source(SRC, { title: 'Title with "quotes" & ampersand' })],
);

describeEachStore('API exports', (factory) => {
  let h: Harness;
  let x: Harness;

  beforeAll(async () => {
    h = await openHarness(factory);
    await importDoc(h.app, seed);
  });
  afterAll(() => h.close());

  describe('over the seed', () => {
    test('json: interchange v1 that imports back into a fresh store and exports the same', async () => {
      const { text, headers } = await fetchText(h.app, '/api/export?format=json');
      expect(headers['content-disposition']).toBe('attachment; filename="deplatforming-graph.json"');
      expect(headers['content-type']).toMatch(/^application\/json/);
      const exported = JSON.parse(text);
      expect(exported.format).toBe('deplatforming-graph/v1');
      expect(exported.actions).toHaveLength(seedActions.length);
      expect(exported.actors).toHaveLength(seed.actors!.length);
      expect(exported.sources).toHaveLength(seed.sources!.length);
      const other = await openHarness(factory);
      try {
        const res = await request(other.app)
          .post('/api/import')
          .set('Authorization', 'Bearer test-token-6f1c2d9e-never-log-me')
          .send(exported)
          .expect(200);
        expect(res.body.created).toEqual({ actors: seed.actors!.length, sources: seed.sources!.length, actions: seedActions.length });
        const again = await fetchText(other.app, '/api/export?format=json');
        expect(JSON.parse(again.text)).toEqual(exported);
      } finally {
        await other.close();
      }
    });

    test('json with filters: the passing actions, the actors they touch, the sources they cite', async () => {
      const exported = JSON.parse((await fetchText(h.app, '/api/export?format=json&type=SUED')).text);
      const suit = seedActions.find((a) => a.id === 'parler-sues-aws')!;
      expect(exported.actions.map((a: Action) => a.id)).toEqual(['parler-sues-aws']);
      expect(exported.actors.map((a: { id: string }) => a.id).sort()).toEqual(['aws', 'parler']);
      expect(exported.sources.map((s: { id: string }) => s.id).sort()).toEqual(suit.citations.map((c) => c.source).sort());
      const disputed = JSON.parse((await fetchText(h.app, '/api/export?format=json&status=disputed')).text);
      const ids = new Set(disputed.actors.map((a: { id: string }) => a.id));
      for (const a of disputed.actions as Action[]) {
        for (const id of [a.from, a.to, ...(a.claimedBy ?? []), ...(a.disputedBy ?? [])]) expect(ids.has(id)).toBe(true);
      }
    });

    test('graphml: well-formed, typed keys for every attribute, one edge per action', async () => {
      const { text, headers } = await fetchText(h.app, '/api/export?format=graphml');
      expect(headers['content-disposition']).toBe('attachment; filename="deplatforming-graph.graphml"');
      expect(headers['content-type']).toMatch(/^application\/graphml\+xml/);
      const root = parseXml(text).graphml as XmlNode;
      const keys = root.key as XmlNode[];
      const byId = new Map(keys.map((k) => [k['@id'] as string, k]));
      expect(byId.get('n_degree')).toMatchObject({ '@for': 'node', '@attr.name': 'degree', '@attr.type': 'int' });
      expect(byId.get('e_dated')).toMatchObject({ '@for': 'edge', '@attr.type': 'boolean' });
      for (const k of keys) expect(['string', 'int', 'boolean']).toContain(k['@attr.type']);
      const graph = root.graph as XmlNode[] | XmlNode as XmlNode;
      expect(graph['@edgedefault']).toBe('directed');
      const nodes = graph.node as XmlNode[];
      const edges = graph.edge as XmlNode[];
      expect(nodes).toHaveLength(seed.actors!.length);
      expect(edges).toHaveLength(seedActions.length);
      for (const e of edges) {
        for (const d of e.data as XmlNode[]) expect(byId.has(d['@key'] as string)).toBe(true);
      }
      const hosting = edges.find((e) => e['@id'] === 'aws-hosts-parler')!;
      expect(hosting).toMatchObject({ '@source': 'aws', '@target': 'parler' });
      const value = (e: XmlNode, key: string) => (e.data as XmlNode[]).find((d) => d['@key'] === key)?.['#text'];
      expect(value(hosting, 'e_label')).toBe('hosted');
      expect(value(hosting, 'e_endDate')).toBe('2021-01-10T23:59:00-08:00');
      expect(value(hosting, 'e_dated')).toBe('false');
      const parler = nodes.find((n) => n['@id'] === 'parler')!;
      expect(value(parler, 'n_degree')).toBe(String(seedActions.filter((a) => a.from === 'parler' || a.to === 'parler').length));
    });

    test('gexf: GEXF 1.3, dynamic, edges with start/end instants; undated edges have no start', async () => {
      const { text, headers } = await fetchText(h.app, '/api/export?format=gexf');
      expect(headers['content-disposition']).toBe('attachment; filename="deplatforming-graph.gexf"');
      const root = parseXml(text).gexf as XmlNode;
      expect(root['@version']).toBe('1.3');
      expect(root['@xmlns']).toBe('http://gexf.net/1.3');
      const graph = root.graph as XmlNode;
      expect(graph).toMatchObject({ '@mode': 'dynamic', '@timeformat': 'dateTime', '@defaultedgetype': 'directed' });
      const nodes = (graph.nodes as XmlNode).node as XmlNode[];
      const edges = (graph.edges as XmlNode).edge as XmlNode[];
      expect(nodes).toHaveLength(seed.actors!.length);
      expect(edges).toHaveLength(seedActions.length);
      const edge = (id: string) => edges.find((e) => e['@id'] === id)!;
      // 2021-01-10T23:59 at -08:00 is 2021-01-11T07:59 UTC.
      expect(edge('aws-suspends-parler')['@start']).toBe('2021-01-11T07:59:00Z');
      expect(edge('aws-suspends-parler')['@end']).toBeUndefined();
      expect(edge('twitter-bans-trump')['@start']).toBe('2021-01-08T00:00:00Z');
      expect(edge('apple-delists-parler')['@start']).toBe('2021-01-01T00:00:00Z');
      // Undated, ended: no start, an end at the last instant of its endDate (given to the second).
      expect(edge('aws-hosts-parler')['@start']).toBeUndefined();
      expect(edge('aws-hosts-parler')['@end']).toBe('2021-01-11T07:59:00.999Z');
      expect(edge('amazon-owns-aws')['@start']).toBeUndefined();
      expect(edge('amazon-owns-aws')['@end']).toBeUndefined();
      expect(edge('aws-hosts-parler')['@label']).toBe('hosted');
      const declared = new Set((graph.attributes as XmlNode[]).flatMap((a) => a.attribute as XmlNode[]).map((a) => a['@id']));
      for (const e of edges) {
        const values = ((e.attvalues as XmlNode[] | undefined)?.[0]?.attvalue as XmlNode[] | undefined) ?? [];
        for (const v of values) expect(declared.has(v['@for'])).toBe(true);
      }
    });

    test('csv: the actions as an edge list; part=actors the actors', async () => {
      const { text, headers } = await fetchText(h.app, '/api/export?format=csv');
      expect(headers['content-disposition']).toBe('attachment; filename="deplatforming-graph.csv"');
      expect(headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      const rows = parseCsv(text);
      expect(rows[0]!.slice(0, 4)).toEqual(['id', 'source', 'target', 'label']);
      const actions = records(rows);
      expect(actions).toHaveLength(seedActions.length);
      expect(actions.find((a) => a.id === 'parler-sues-aws')).toMatchObject({
        source: 'parler',
        target: 'aws',
        actionType: 'SUED',
        label: 'sued',
        date: '2021-01-11',
      });
      const claimed = actions.find((a) => a.id === 'aws-accuses-parler-of-tos-violation')!;
      expect(claimed.claimedBy).toBe('aws; amazon');
      expect(JSON.parse(actions.find((a) => a.id === 'parler-sues-aws')!.details!).venueActorId).toBe('us-district-court-wd-washington');
      const actorRows = parseCsv((await fetchText(h.app, '/api/export?format=csv&part=actors')).text);
      expect(actorRows[0]).toEqual(['id', 'label', 'kind', 'layer', 'aliases', 'description', 'wikidata', 'degree']);
      const actors = records(actorRows);
      expect(actors).toHaveLength(seed.actors!.length);
      expect(actors.find((a) => a.id === 'aws')).toMatchObject({ label: 'Amazon Web Services', layer: 'cloud-hosting' });
      expect(Buffer.from(text, 'utf8').toString('utf8')).toContain('§'); // UTF-8 kept (the Sherman Act citation)
    });

    test('cyjs: the Cytoscape desktop layout of nodes and edges', async () => {
      const { text, headers } = await fetchText(h.app, '/api/export?format=cyjs');
      expect(headers['content-disposition']).toBe('attachment; filename="deplatforming-graph.cyjs"');
      const cy = JSON.parse(text);
      expect(cy.data.name).toBe('deplatforming-graph');
      expect(cy.elements.nodes).toHaveLength(seed.actors!.length);
      expect(cy.elements.edges).toHaveLength(seedActions.length);
      const node = cy.elements.nodes.find((n: { data: { id: string } }) => n.data.id === 'parler').data;
      expect(node).toMatchObject({ name: 'Parler', kind: 'platform' });
      const edge = cy.elements.edges.find((e: { data: { id: string } }) => e.data.id === 'parler-sues-aws').data;
      expect(edge).toMatchObject({ source: 'parler', target: 'aws', interaction: 'SUED', label: 'sued' });
      expect(typeof edge.details).toBe('string');
    });

    test('filters apply to every format; a bad format or a misplaced part is a 400', async () => {
      const rows = records(parseCsv((await fetchText(h.app, '/api/export?format=csv&type=DELISTED')).text));
      expect(rows.map((r) => r.id).sort()).toEqual(['apple-delists-parler', 'google-delists-parler']);
      const graph = (parseXml((await fetchText(h.app, '/api/export?format=graphml&type=DELISTED')).text).graphml as XmlNode)
        .graph as XmlNode;
      expect((graph.node as XmlNode[]).map((n) => n['@id']).sort()).toEqual(['apple', 'google', 'parler']);
      const missing = await request(h.app).get('/api/export').expect(400);
      expect(missing.body.error.message).toContain('"format"');
      const unknown = await request(h.app).get('/api/export?format=xlsx').expect(400);
      expect(unknown.body.error.message).toContain('"format"');
      const part = await request(h.app).get('/api/export?format=json&part=actors').expect(400);
      expect(part.body.error.message).toContain('"part"');
      await request(h.app).get('/api/export?format=csv&part=sources').expect(400);
      await request(h.app).get('/api/export?format=json&from=2022&to=2021').expect(400);
    });
  });

  describe('escaping of hostile text', () => {
    beforeAll(async () => {
      x = await openHarness(factory);
      await importDoc(x.app, weird);
    });
    afterAll(() => x.close());

    test('graphml and gexf stay well-formed and give the text back (control characters dropped)', async () => {
      const g = parseXml((await fetchText(x.app, '/api/export?format=graphml')).text).graphml as XmlNode;
      const nodes = (g.graph as XmlNode).node as XmlNode[];
      const label = (n: XmlNode) => (n.data as XmlNode[]).find((d) => d['@key'] === 'n_label')!['#text'];
      expect(label(nodes.find((n) => n['@id'] === 'x-a')!)).toBe(WEIRD_NAME.replace('\u0001', ''));
      const desc = (nodes.find((n) => n['@id'] === 'x-b')!.data as XmlNode[]).find((d) => d['@key'] === 'n_description')!['#text'];
      expect(desc).toBe('line one\nline "two", three\r\nfour');
      const gexf = parseXml((await fetchText(x.app, '/api/export?format=gexf')).text).gexf as XmlNode;
      const gnodes = ((gexf.graph as XmlNode).nodes as XmlNode).node as XmlNode[];
      expect(gnodes.find((n) => n['@id'] === 'x-a')!['@label']).toBe(WEIRD_NAME.replace('\u0001', ''));
      const gedges = ((gexf.graph as XmlNode).edges as XmlNode).edge as XmlNode[];
      expect(gedges.find((e) => e['@id'] === 'x-bc')).toMatchObject({
        '@start': '2020-01-01T00:00:00Z',
        '@end': '2021-01-31T23:59:59.999Z',
      });
    });

    test('csv quotes per RFC 4180 and makes formulas inert', async () => {
      const actors = records(parseCsv((await fetchText(x.app, '/api/export?format=csv&part=actors')).text));
      const by = (id: string) => actors.find((a) => a.id === id)!;
      expect(by('x-a').label).toBe(WEIRD_NAME);
      expect(by('x-a').aliases).toBe("'=cmd|x; plain");
      expect(by('x-b').label).toBe(`'=HYPERLINK("http://evil.example","click")`);
      expect(by('x-b').description).toBe('line one\nline "two", three\r\nfour');
      expect(by('x-c').label).toBe("'+1 then");
      expect(by('x-d').label).toBe("'@SUM(A1)");
      const actions = records(parseCsv((await fetchText(x.app, '/api/export?format=csv')).text));
      expect(actions.find((a) => a.id === 'x-ab')!.summary).toBe(`'-2+3 "quoted", <b>bold</b>\ttab`);
      expect(actions.find((a) => a.id === 'x-cd')!.summary).toBe("'\tstarts with a tab");
      for (const row of actions) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    test('json and cyjs carry the text unchanged', async () => {
      const exported = JSON.parse((await fetchText(x.app, '/api/export?format=json')).text);
      expect(exported).toEqual({
        ...weird,
        actors: [...weird.actors!].sort((a, b) => a.id.localeCompare(b.id)),
        actions: expect.any(Array),
      });
      expect(exported.actions.find((a: Action) => a.id === 'x-ab').details).toEqual({ venue: 'Court & "Co"', n: 3, flag: true });
      const cy = JSON.parse((await fetchText(x.app, '/api/export?format=cyjs')).text);
      expect(cy.elements.nodes.find((n: { data: { id: string } }) => n.data.id === 'x-a').data.name).toBe(WEIRD_NAME);
    });
  });
});
