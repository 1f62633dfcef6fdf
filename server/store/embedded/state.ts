/**
 * The embedded store's memory: the records, the graphology action graph, and the reverse indexes
 * that referential checks need. Changes arrive only as Ops, the same ones the journal replays.
 */
import { INTERCHANGE_FORMAT, type Action, type ActionFilter, type Actor, type InterchangeDocument, type Source } from '../../../contract';
import { actionAttributes, addActorNode, createActionGraph, type ActionGraph } from '../../graph';
import { Timeline } from './timeline';

export type Op =
  | { t: 'actor'; v: Actor }
  | { t: 'source'; v: Source }
  | { t: 'action'; v: Action }
  | { t: 'delActor'; id: string }
  | { t: 'delSource'; id: string }
  | { t: 'delAction'; id: string };

/** What the journal keeps of one write: its ops, applied together or not at all. */
export interface JournalRecord {
  ops: Op[];
}

export class GraphState {
  readonly actors = new Map<string, Actor>();
  readonly sources = new Map<string, Source>();
  readonly actions = new Map<string, Action>();
  readonly graph: ActionGraph = createActionGraph();
  /**
   * Source id -> ids of the actions citing it, and actor id -> ids of the actions naming it as
   * claimant or disputant. Only referential checks and source pages need them, so they are built
   * on first use (not at start, where they cost a second at 300k actions) and then kept current.
   */
  private citationIndex: Map<string, Set<string>> | null = null;
  private mentionIndex: Map<string, Set<string>> | null = null;
  private readonly timeline = new Timeline();
  /** Bumped on every change, so derived answers can be cached against it. */
  version = 0;

  apply(ops: readonly Op[]): void {
    for (const op of ops) {
      if (op.t === 'action') this.timeline.changed(op.v.id, this.actions.get(op.v.id), true);
      else if (op.t === 'delAction') this.timeline.changed(op.id, this.actions.get(op.id), false);
      this.applyOne(op);
    }
    this.version++;
  }

  /** All actions in timeline order. Do not modify. */
  sortedActions(): Action[] {
    return this.timeline.sorted(this.actions);
  }

  /** The actions passing `filter`, in timeline order. */
  matching(filter: ActionFilter): Action[] {
    return this.timeline.matching(filter, this.actions);
  }

  toDocument(): InterchangeDocument {
    return {
      format: INTERCHANGE_FORMAT,
      actors: [...this.actors.values()],
      sources: [...this.sources.values()],
      actions: [...this.actions.values()],
    };
  }

  loadDocument(doc: InterchangeDocument): void {
    this.apply([
      ...(doc.actors ?? []).map((v): Op => ({ t: 'actor', v })),
      ...(doc.sources ?? []).map((v): Op => ({ t: 'source', v })),
      ...(doc.actions ?? []).map((v): Op => ({ t: 'action', v })),
    ]);
  }

  private applyOne(op: Op): void {
    switch (op.t) {
      case 'actor':
        this.actors.set(op.v.id, op.v);
        if (this.graph.hasNode(op.v.id)) this.graph.replaceNodeAttributes(op.v.id, { actor: op.v });
        else addActorNode(this.graph, op.v);
        return;
      case 'source':
        this.sources.set(op.v.id, op.v);
        return;
      case 'action':
        if (this.actions.has(op.v.id)) this.removeAction(op.v.id);
        this.actions.set(op.v.id, op.v);
        this.graph.addDirectedEdgeWithKey(op.v.id, op.v.from, op.v.to, actionAttributes(op.v));
        if (this.citationIndex) indexCitations(this.citationIndex, op.v, addTo);
        if (this.mentionIndex) indexMentions(this.mentionIndex, op.v, addTo);
        return;
      case 'delActor':
        this.actors.delete(op.id);
        if (this.graph.hasNode(op.id)) this.graph.dropNode(op.id);
        return;
      case 'delSource':
        this.sources.delete(op.id);
        return;
      case 'delAction':
        this.removeAction(op.id);
        return;
    }
  }

  private removeAction(id: string): void {
    const old = this.actions.get(id);
    if (!old) return;
    this.actions.delete(id);
    this.graph.dropEdge(id);
    if (this.citationIndex) indexCitations(this.citationIndex, old, removeFrom);
    if (this.mentionIndex) indexMentions(this.mentionIndex, old, removeFrom);
  }

  private citations(): Map<string, Set<string>> {
    if (!this.citationIndex) {
      this.citationIndex = new Map();
      for (const a of this.actions.values()) indexCitations(this.citationIndex, a, addTo);
    }
    return this.citationIndex;
  }

  private mentions(): Map<string, Set<string>> {
    if (!this.mentionIndex) {
      this.mentionIndex = new Map();
      for (const a of this.actions.values()) indexMentions(this.mentionIndex, a, addTo);
    }
    return this.mentionIndex;
  }

  /** Ids of the actions that reference an actor in any role, sorted. */
  actionsReferencingActor(id: string): string[] {
    const ids = new Set(this.mentions().get(id) ?? []);
    if (this.graph.hasNode(id)) this.graph.forEachEdge(id, (key) => ids.add(key));
    return [...ids].sort();
  }

  actionsCitingSource(id: string): string[] {
    return [...(this.citations().get(id) ?? [])].sort();
  }
}

type IndexEdit = (index: Map<string, Set<string>>, key: string, value: string) => void;

function indexCitations(index: Map<string, Set<string>>, a: Action, edit: IndexEdit): void {
  for (const c of a.citations) edit(index, c.source, a.id);
}

function indexMentions(index: Map<string, Set<string>>, a: Action, edit: IndexEdit): void {
  for (const actor of a.claimedBy ?? []) edit(index, actor, a.id);
  for (const actor of a.disputedBy ?? []) edit(index, actor, a.id);
}

function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}
