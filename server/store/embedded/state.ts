/**
 * The embedded store's memory: the records, the graphology action graph, and the reverse indexes
 * that referential checks need. Changes arrive only as Ops, the same ones the journal replays.
 */
import {
  actionPredicate,
  convertActionV1,
  convertDocumentV1,
  INTERCHANGE_FORMAT,
  INTERCHANGE_FORMAT_V1,
  type Action,
  type ActionFilter,
  type ActionV1,
  type Actor,
  type Episode,
  type InterchangeDocument,
  type InterchangeDocumentV1,
  type LayerOf,
  type Source,
} from '../../../contract';
import { actionAttributes, addActorNode, createActionGraph, type ActionGraph } from '../../graph';
import type { Slices } from './slices';
import { Timeline } from './timeline';

export type Op =
  | { t: 'actor'; v: Actor }
  | { t: 'source'; v: Source }
  | { t: 'action'; v: Action }
  | { t: 'episode'; v: Episode }
  | { t: 'delActor'; id: string }
  | { t: 'delSource'; id: string }
  | { t: 'delAction'; id: string }
  | { t: 'delEpisode'; id: string };

/**
 * Journals and snapshots written before model v2 hold v1 actions (`sourceIds`, `endDate`): they
 * are read as the v2 records they convert to, as an import of a v1 document would store them.
 */
export function upgradeOp(op: Op): Op {
  return op.t === 'action' && 'sourceIds' in op.v ? { t: 'action', v: convertActionV1(op.v as unknown as ActionV1) } : op;
}

export function upgradeDocument(doc: InterchangeDocument | InterchangeDocumentV1): InterchangeDocument {
  return doc.format === INTERCHANGE_FORMAT_V1 ? convertDocumentV1(doc) : doc;
}

/**
 * What the journal keeps of one write: its ops, applied together or not at all, and who made it,
 * when and why, so the history can be written again from the journal after a crash (records
 * journalled before history began have none of these).
 */
export interface JournalRecord {
  ops: Op[];
  at?: string;
  who?: string;
  message?: string;
  import?: true;
}

export class GraphState {
  readonly actors = new Map<string, Actor>();
  readonly sources = new Map<string, Source>();
  readonly actions = new Map<string, Action>();
  readonly episodes = new Map<string, Episode>();
  readonly graph: ActionGraph = createActionGraph();
  /**
   * Source id -> ids of the actions citing it, and actor id -> ids of the actions naming it as
   * claimant or disputant. Only referential checks and source pages need them, so they are built
   * on first use (not at start, where they cost a second at 300k actions) and then kept current.
   */
  private citationIndex: Map<string, Set<string>> | null = null;
  private mentionIndex: Map<string, Set<string>> | null = null;
  /** Action id -> ids of the actions responding to it; episode id -> ids of its actions. Built on first use, as above. */
  private responseIndex: Map<string, Set<string>> | null = null;
  private episodeIndex: Map<string, Set<string>> | null = null;
  /** The layer of an actor, for the layer filter. */
  readonly layerOf: LayerOf = (id) => this.actors.get(id)?.layer;
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

  /** Sorts the timeline and builds its columns in slices, where a read would do it in one go (store/embedded/slices.ts). */
  prepareTimeline(slices: Slices): Promise<void> {
    return this.timeline.prepare(this.actions, slices);
  }

  /** All actions in timeline order. Do not modify. */
  sortedActions(): Action[] {
    return this.timeline.sorted(this.actions);
  }

  /** All actions in timeline order, responses after what they respond to. Do not modify. */
  orderedActions(): Action[] {
    return this.timeline.ordered(this.actions);
  }

  /** The actions passing `filter`, in timeline order; in key order alone (responses not placed after their targets) when `keyOrder`. */
  matching(filter: ActionFilter, keyOrder = false): Action[] {
    return this.timeline.matching(filter, this.actions, this.layerOf, keyOrder);
  }

  /** The filter as a predicate, with the actors' layers at hand. */
  predicate(filter: ActionFilter): (a: Action) => boolean {
    return actionPredicate(filter, this.layerOf);
  }

  toDocument(): InterchangeDocument {
    return {
      format: INTERCHANGE_FORMAT,
      actors: [...this.actors.values()],
      sources: [...this.sources.values()],
      episodes: [...this.episodes.values()],
      actions: [...this.actions.values()],
    };
  }

  loadDocument(input: InterchangeDocument | InterchangeDocumentV1): void {
    const doc = upgradeDocument(input);
    this.apply([
      ...(doc.actors ?? []).map((v): Op => ({ t: 'actor', v })),
      ...(doc.sources ?? []).map((v): Op => ({ t: 'source', v })),
      ...(doc.episodes ?? []).map((v): Op => ({ t: 'episode', v })),
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
        this.indexAction(op.v, addTo);
        return;
      case 'episode':
        this.episodes.set(op.v.id, op.v);
        return;
      case 'delEpisode':
        this.episodes.delete(op.id);
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
    this.indexAction(old, removeFrom);
  }

  private indexAction(a: Action, edit: IndexEdit): void {
    if (this.citationIndex) indexCitations(this.citationIndex, a, edit);
    if (this.mentionIndex) indexMentions(this.mentionIndex, a, edit);
    if (this.responseIndex) for (const t of a.respondsTo ?? []) edit(this.responseIndex, t, a.id);
    if (this.episodeIndex) for (const e of a.episodes ?? []) edit(this.episodeIndex, e, a.id);
  }

  private byKey(which: 'responseIndex' | 'episodeIndex', keys: (a: Action) => readonly string[] | undefined): Map<string, Set<string>> {
    let index = this[which];
    if (!index) {
      index = new Map();
      for (const a of this.actions.values()) for (const k of keys(a) ?? []) addTo(index, k, a.id);
      this[which] = index;
    }
    return index;
  }

  /** Ids of the actions responding to action `id`, sorted. */
  responsesTo(id: string): string[] {
    return [...(this.byKey('responseIndex', (a) => a.respondsTo).get(id) ?? [])].sort();
  }

  /** Ids of the actions in episode `id`, sorted. */
  actionsInEpisode(id: string): string[] {
    return [...(this.byKey('episodeIndex', (a) => a.episodes).get(id) ?? [])].sort();
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
