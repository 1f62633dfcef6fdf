/**
 * Each actor's actions in timeline order, as a plain array built on first use. Traversals read
 * adjacency over and over (every kept actor of a neighbourhood, every step of a chain); walking an
 * array costs a fraction of graphology's per-edge callbacks, and the list comes sorted, where each
 * reader used to sort its own. Any change to an actor's actions drops its list.
 */
import { sortTimeline, type Action } from '../../contract';
import type { ActionGraph } from './action-graph';

const listsOf = new WeakMap<ActionGraph, Map<string, readonly Action[]>>();

function listsFor(g: ActionGraph): Map<string, readonly Action[]> {
  let lists = listsOf.get(g);
  if (lists) return lists;
  const made = new Map<string, readonly Action[]>();
  const dropEnds = (p: { source: string; target: string }) => {
    made.delete(p.source);
    made.delete(p.target);
  };
  g.on('edgeAdded', dropEnds);
  g.on('edgeDropped', dropEnds);
  g.on('edgeAttributesUpdated', ({ key }) => dropEnds({ source: g.source(key), target: g.target(key) }));
  // Rare (an actor is deleted only once nothing refers to it): start again rather than track.
  g.on('nodeDropped', () => made.clear());
  g.on('edgesCleared', () => made.clear());
  g.on('cleared', () => made.clear());
  listsOf.set(g, made);
  lists = made;
  return lists;
}

/** The actions touching `actor`, in timeline order; empty for an unknown actor. Do not modify. */
export function incidentActions(g: ActionGraph, actor: string): readonly Action[] {
  const lists = listsFor(g);
  let list = lists.get(actor);
  if (!list) {
    if (!g.hasNode(actor)) return [];
    const found: Action[] = [];
    g.forEachEdge(actor, (_key, attrs) => {
      found.push(attrs.action);
    });
    list = sortTimeline(found);
    lists.set(actor, list);
  }
  return list;
}
