/**
 * Cytoscape JSON that both Cytoscape desktop (File > Import > Network from File, .cyjs) and
 * NetworkX's `cytoscape_graph` read: nodes carry `id`, `name` and `value` (NetworkX's node key),
 * edges `source`, `target`, `interaction` and `key` (NetworkX's key among parallel edges, the action
 * id, so parallel actions stay apart); the top level says `directed` and `multigraph`, and `data`
 * is an object, as Cytoscape wants its network attributes. Attributes are those of every export,
 * under the same names; lists stay lists.
 */
import { actionLabel, type Episode } from '../../../contract';
import type { Subgraph } from '../../store/types';
import { ACTION_ATTRIBUTES, ACTOR_ATTRIBUTES, type Attribute, type AttrValue } from './attributes';

function attributes<T>(attrs: Attribute<T>[], record: T): Record<string, Exclude<AttrValue, undefined>> {
  const out: Record<string, Exclude<AttrValue, undefined>> = {};
  for (const a of attrs) {
    const v = a.value(record);
    if (v !== undefined) out[a.name] = v;
  }
  return out;
}

/** A list of JSON values as the body of an array, one per line. */
function* items<T>(list: readonly T[], element: (t: T) => unknown): Generator<string> {
  for (let i = 0; i < list.length; i++) yield `${i ? ',\n' : '\n'}      ${JSON.stringify(element(list[i]!))}`;
}

/**
 * The file, element by element, so it can be streamed. The episodes the actions name are a
 * network attribute, `episodes`: their records as JSON text, as Cytoscape reads objects as empty.
 */
export function* cyjsChunks(sub: Subgraph, episodes: readonly Episode[] = []): Generator<string> {
  const head = {
    format_version: '1.0',
    generated_by: 'deplatforming-graph',
    target_cytoscapejs_version: '~2.1',
    data: {
      name: 'deplatforming-graph',
      shared_name: 'deplatforming-graph',
      ...(episodes.length > 0 && { episodes: JSON.stringify(episodes) }),
    },
    directed: true,
    multigraph: true,
  };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "elements": {\n    "nodes": [`;
  yield* items(sub.actors, (a) => ({
    data: { id: a.id, value: a.id, name: a.name, shared_name: a.name, ...attributes(ACTOR_ATTRIBUTES, a) },
  }));
  yield '\n    ],\n    "edges": [';
  yield* items(sub.actions, (a) => {
    const name = `${a.from} (${actionLabel(a.type)}) ${a.to}`;
    return {
      data: {
        id: a.id,
        key: a.id,
        source: a.from,
        target: a.to,
        interaction: a.type,
        name,
        shared_name: name,
        shared_interaction: a.type,
        ...attributes(ACTION_ATTRIBUTES, a),
      },
    };
  });
  yield '\n    ]\n  }\n}\n';
}
