/** GraphML with a typed <key> for every attribute; one <edge> per action, directed. */
import type { Episode } from '../../../contract';
import type { Subgraph } from '../../store/types';
import { ACTION_ATTRIBUTES, ACTOR_ATTRIBUTES, flat, type Attribute } from './attributes';
import { xml } from './xml';

/** GraphML has no list type: lists are flattened into strings. */
const GRAPHML_TYPE = { string: 'string', int: 'int', boolean: 'boolean', list: 'string' } as const;

function keys<T>(attrs: Attribute<T>[], target: 'node' | 'edge', prefix: string): string[] {
  return attrs.map((a) => `  <key id="${prefix}${a.name}" for="${target}" attr.name="${a.name}" attr.type="${GRAPHML_TYPE[a.type]}"/>`);
}

function data<T>(attrs: Attribute<T>[], record: T, prefix: string): string {
  return attrs
    .map((a) => [a, flat(a.value(record))] as const)
    .filter(([, v]) => v !== undefined)
    .map(([a, v]) => `<data key="${prefix}${a.name}">${xml(v!)}</data>`)
    .join('');
}

/**
 * The file, line by line, so it can be streamed. The episodes the actions name are a graph
 * attribute, `episodes`: their records as JSON, as GraphML has no nested values.
 */
export function* graphmlChunks(sub: Subgraph, episodes: readonly Episode[] = []): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
  );
  for (const line of [...keys(ACTOR_ATTRIBUTES, 'node', 'n_'), ...keys(ACTION_ATTRIBUTES, 'edge', 'e_')]) yield `${line}\n`;
  yield '  <key id="g_episodes" for="graph" attr.name="episodes" attr.type="string"/>\n';
  yield '  <graph id="deplatforming-graph" edgedefault="directed">\n';
  if (episodes.length) yield `    <data key="g_episodes">${xml(JSON.stringify(episodes))}</data>\n`;
  for (const a of sub.actors) yield `    <node id="${xml(a.id)}">${data(ACTOR_ATTRIBUTES, a, 'n_')}</node>\n`;
  for (const a of sub.actions) {
    yield `    <edge id="${xml(a.id)}" source="${xml(a.from)}" target="${xml(a.to)}">${data(ACTION_ATTRIBUTES, a, 'e_')}</edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}
