/**
 * Cytoscape JSON as Cytoscape desktop opens it (File > Import > Network from File, .cyjs): nodes
 * carry `name`, edges `interaction`; lists stay lists, `details` is a JSON string.
 */
import { actionLabel } from '../../../contract';
import type { Subgraph } from '../../store/types';
import { edgeElement, nodeElement } from '../elements';

export function toCyjs(sub: Subgraph): string {
  const doc = {
    format_version: '1.0',
    generated_by: 'deplatforming-graph',
    target_cytoscapejs_version: '~2.1',
    data: { name: 'deplatforming-graph', shared_name: 'deplatforming-graph' },
    elements: {
      nodes: sub.actors.map((a) => ({ data: { ...nodeElement(a).data, shared_name: a.name } })),
      edges: sub.actions.map((a) => {
        const name = `${a.from} (${actionLabel(a.type)}) ${a.to}`;
        return {
          data: {
            ...edgeElement(a).data,
            interaction: a.type,
            name,
            shared_name: name,
            ...(a.details !== undefined && { details: JSON.stringify(a.details) }),
          },
        };
      }),
    },
  };
  return JSON.stringify(doc, null, 2);
}
