/**
 * The graph every traversal runs on: a graphology multigraph with one node per actor and one
 * edge per action (edge key = action id), direction from the acting actor to the one acted upon.
 * The embedded store keeps one up to date; the Neo4j store builds one from the part it fetched.
 */
import { MultiDirectedGraph } from 'graphology';
import { actionSpan, type Action, type Actor } from '../domain';

export interface ActorAttributes {
  actor: Actor;
}

export interface ActionAttributes {
  action: Action;
  /** Earliest instant of the action's date, null when undated. */
  start: number | null;
}

export type ActionGraph = MultiDirectedGraph<ActorAttributes, ActionAttributes>;

export function createActionGraph(): ActionGraph {
  return new MultiDirectedGraph<ActorAttributes, ActionAttributes>({ allowSelfLoops: false });
}

export function actionAttributes(action: Action): ActionAttributes {
  return { action, start: actionSpan(action)?.start ?? null };
}

export function buildActionGraph(actors: Iterable<Actor>, actions: Iterable<Action>): ActionGraph {
  const g = createActionGraph();
  for (const actor of actors) g.addNode(actor.id, { actor });
  for (const action of actions) g.addDirectedEdgeWithKey(action.id, action.from, action.to, actionAttributes(action));
  return g;
}

/** The actor at the other end of an action. */
export function otherEnd(action: Action, actor: string): string {
  return action.from === actor ? action.to : action.from;
}
