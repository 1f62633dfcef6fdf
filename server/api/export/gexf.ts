/**
 * GEXF 1.3, dynamic: each edge carries `start` (the earliest instant of its date) and, when its
 * date is an interval with a bounded end (a hosting from 2020 to the cut-off), `end` (the latest
 * instant of that interval), so Gephi's timeline plays the actions. An action dated by a single
 * value has no end: a ban stays once made. An undated action, or one whose start is open, has no
 * start: it is there from the beginning of the timeline.
 *
 * The graph says `timeformat="date"` while the values are xsd:dateTime instants in UTC: GEXF 1.3's
 * time type admits both under either format, Gephi parses a date-time under `date` and keeps the
 * instant, and NetworkX's reader knows `date` (as text) but fails on `dateTime`.
 */
import { actionLabel, actionTime, type Action } from '../../../contract';
import type { Subgraph } from '../../store/types';
import { ACTION_ATTRIBUTES, ACTOR_ATTRIBUTES, flat, instant, type Attribute } from './attributes';
import { xml } from './xml';

/**
 * Lists are flattened into strings rather than declared `liststring`: NetworkX reads a liststring
 * as one string anyway, and Gephi's list syntax differs between versions.
 */
const GEXF_TYPE = { string: 'string', int: 'integer', boolean: 'boolean', list: 'string' } as const;

function declarations<T>(attrs: Attribute<T>[], cls: 'node' | 'edge'): string[] {
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...attrs.map((a) => `      <attribute id="${a.name}" title="${a.name}" type="${GEXF_TYPE[a.type]}"/>`),
    '    </attributes>',
  ];
}

function attvalues<T>(attrs: Attribute<T>[], record: T): string {
  const values = attrs
    .map((a) => [a, flat(a.value(record))] as const)
    .filter(([, v]) => v !== undefined)
    .map(([a, v]) => `<attvalue for="${a.name}" value="${xml(v!)}"/>`);
  return values.length ? `<attvalues>${values.join('')}</attvalues>` : '';
}

function timeAttributes(a: Action): string {
  const t = actionTime(a);
  const start = t && Number.isFinite(t.start) ? ` start="${instant(t.start)}"` : '';
  const end = t?.interval && Number.isFinite(t.end) ? ` end="${instant(t.end)}"` : '';
  return start + end;
}

/** The file, line by line, so it can be streamed. */
export function* gexfChunks(sub: Subgraph, today = new Date()): Generator<string> {
  const nodeAttrs = ACTOR_ATTRIBUTES.filter((a) => a.name !== 'label');
  const edgeAttrs = ACTION_ATTRIBUTES.filter((a) => a.name !== 'label');
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${today.toISOString().slice(0, 10)}">`,
    '    <creator>deplatforming-graph</creator>',
    '    <description>Actors and the dated actions between them, with their sources</description>',
    '  </meta>',
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">',
    ...declarations(nodeAttrs, 'node'),
    ...declarations(edgeAttrs, 'edge'),
    '    <nodes>',
  ];
  for (const line of head) yield `${line}\n`;
  for (const a of sub.actors) yield `      <node id="${xml(a.id)}" label="${xml(a.name)}">${attvalues(nodeAttrs, a)}</node>\n`;
  yield '    </nodes>\n    <edges>\n';
  for (const a of sub.actions) {
    yield (
      `      <edge id="${xml(a.id)}" source="${xml(a.from)}" target="${xml(a.to)}" label="${xml(actionLabel(a.type))}"` +
      `${timeAttributes(a)}>${attvalues(edgeAttrs, a)}</edge>\n`
    );
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
