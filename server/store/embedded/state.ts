/**
 * The embedded store's memory: the records, the graphology action graph, and the reverse indexes
 * that referential checks need. Changes arrive only as Ops, the same ones the journal replays.
 */
import { actionPredicate, actionSpan, hasDateWindow, isEmptyFilter, windowOf, type Action, type ActionFilter, type Actor, type InterchangeDocument, type Source } from '../../domain';
import { actionAttributes, addActorNode, createActionGraph, type ActionGraph } from '../../graph';
import { sortActions } from '../answers';

export type Op =
  | { t: 'actor'; v: Actor }
  | { t: 'source'; v: Source }
  | { t: 'action'; v: Action }
  | { t: 'delActor'; id: string }
  | { t: 'delSource'; id: string }
  | { t: 'delAction'; id: string };

interface TimelineSpans {
  starts: Float64Array;
  ends: Float64Array;
  longest: number;
}

function spansOf(timeline: readonly Action[]): TimelineSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  let longest = 0;
  for (const a of timeline) {
    const span = actionSpan(a);
    if (!span) break;
    starts.push(span.start);
    ends.push(span.end);
    longest = Math.max(longest, span.end - span.start);
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), longest };
}

function firstAtOrAfter(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  private timeline: Action[] | null = null;
  /** Start and end instants of the dated part of the timeline, and the longest span, for date windows. */
  private spans: TimelineSpans | null = null;
  /** Bumped on every change, so derived answers can be cached against it. */
  version = 0;

  apply(ops: readonly Op[]): void {
    for (const op of ops) this.applyOne(op);
    this.timeline = null;
    this.version++;
  }

  /** All actions in timeline order, rebuilt lazily after a change. */
  sortedActions(): Action[] {
    if (!this.timeline) {
      this.timeline = sortActions([...this.actions.values()]);
      this.spans = null;
    }
    return this.timeline;
  }

  /**
   * The actions passing `filter`, in timeline order. A date window is answered from the start and
   * end instants of the timeline kept as arrays: binary search finds the run whose start lies in
   * [window start - longest span, window end] (the timeline keeps starts ascending; undated
   * actions sort last and never pass a window), and each action in it is checked against two
   * numbers rather than its parsed dates.
   */
  matching(filter: ActionFilter): Action[] {
    const timeline = this.sortedActions();
    if (isEmptyFilter(filter)) return timeline;
    if (!hasDateWindow(filter)) return timeline.filter(actionPredicate(filter));
    const { starts, ends, longest } = (this.spans ??= spansOf(timeline));
    const win = windowOf(filter);
    const from = win.start === -Infinity ? 0 : firstAtOrAfter(starts, win.start - longest);
    const to = win.end === Infinity ? starts.length : firstAtOrAfter(starts, win.end + 1);
    const rest = filter.types?.length || filter.statuses?.length ? actionPredicate({ types: filter.types, statuses: filter.statuses }) : null;
    const out: Action[] = [];
    for (let i = from; i < to; i++) {
      if (ends[i]! < win.start || starts[i]! > win.end) continue;
      const a = timeline[i]!;
      if (!rest || rest(a)) out.push(a);
    }
    return out;
  }

  toDocument(): InterchangeDocument {
    return {
      format: 'deplatforming-graph/v1',
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
  for (const s of a.sourceIds) edit(index, s, a.id);
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
