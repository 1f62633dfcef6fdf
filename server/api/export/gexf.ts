/**
 * GEXF 1.3, dynamic: each edge carries `start` (the earliest instant of its date) and, when the
 * action ended, `end` (the latest instant of its endDate), so Gephi's timeline plays the actions.
 * An undated action has no start: it is there from the beginning of the timeline.
 */
import { actionTime, type Action } from '../../../contract';
import type { Subgraph } from '../../store/types';
import { ACTION_ATTRIBUTES, ACTOR_ATTRIBUTES, type Attribute } from './attributes';
import { xml } from './xml';

const GEXF_TYPE = { string: 'string', int: 'integer', boolean: 'boolean' } as const;

/** An instant as an xsd:dateTime in UTC. */
export function instant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function declarations<T>(attrs: Attribute<T>[], cls: 'node' | 'edge'): string[] {
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...attrs.map((a) => `      <attribute id="${a.name}" title="${a.name}" type="${GEXF_TYPE[a.type]}"/>`),
    '    </attributes>',
  ];
}

function attvalues<T>(attrs: Attribute<T>[], record: T): string {
  const values = attrs
    .map((a) => [a, a.value(record)] as const)
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

export function toGexf(sub: Subgraph, today = new Date()): string {
  const nodeAttrs = ACTOR_ATTRIBUTES.filter((a) => a.name !== 'label');
  const edgeAttrs = ACTION_ATTRIBUTES.filter((a) => a.name !== 'label');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${today.toISOString().slice(0, 10)}">`,
    '    <creator>deplatforming-graph</creator>',
    '    <description>Actors and the dated actions between them, with their sources</description>',
    '  </meta>',
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="dateTime" timerepresentation="interval">',
    ...declarations(nodeAttrs, 'node'),
    ...declarations(edgeAttrs, 'edge'),
    '    <nodes>',
    ...sub.actors.map((a) => `      <node id="${xml(a.id)}" label="${xml(a.name)}">${attvalues(nodeAttrs, a)}</node>`),
    '    </nodes>',
    '    <edges>',
    ...sub.actions.map(
      (a) =>
        `      <edge id="${xml(a.id)}" source="${xml(a.from)}" target="${xml(a.to)}" label="${xml(ACTION_ATTRIBUTES[0]!.value(a) as string)}"` +
        `${timeAttributes(a)}>${attvalues(edgeAttrs, a)}</edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ];
  return lines.join('\n');
}
