/**
 * server/graph/graphology-internals.ts reads graphology's private node map. This fails loudly when
 * graphology changes under it, instead of the graph quietly losing the speed-up that relies on it.
 */
import { MultiDirectedGraph } from 'graphology';
import { adjacencyObjects, GRAPHOLOGY_INTERNALS_VERSION } from '../../server/graph/graphology-internals';
import { installedVersion, pinMessage } from './installed';

describe(`graphology internals (written for graphology ${GRAPHOLOGY_INTERNALS_VERSION})`, () => {
  test('the installed graphology is the version the reach was written for', () => {
    const installed = installedVersion('graphology');
    if (installed !== GRAPHOLOGY_INTERNALS_VERSION) {
      throw new Error(pinMessage('graphology', GRAPHOLOGY_INTERNALS_VERSION, installed, 'server/graph/graphology-internals.ts'));
    }
  });

  test("the private node map still holds each node's out and in adjacency objects, keyed by neighbour", () => {
    const g = new MultiDirectedGraph();
    g.addNode('a');
    g.addNode('b');
    const fresh = adjacencyObjects(g, 'a');
    if (fresh.length !== 2) {
      throw new Error(
        `graphology ${installedVersion('graphology')}: no out/in adjacency objects in the private _nodes map (found ${fresh.length})`,
      );
    }
    expect(fresh.map((o) => Object.keys(o))).toEqual([[], []]);
    g.addDirectedEdge('a', 'b');
    const [outOfA] = adjacencyObjects(g, 'a');
    const [, inOfB] = adjacencyObjects(g, 'b');
    expect(Object.keys(outOfA!)).toEqual(['b']);
    expect(Object.keys(inOfB!)).toEqual(['a']);
  });
});
