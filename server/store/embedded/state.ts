/**
 * The embedded store's memory: the records, the graphology action graph, and the reverse indexes
 * that referential checks need. Changes arrive only as Ops, the same ones the journal replays.
 */
import { ACTION_TYPE_IDS, actionSpan, hasDateWindow, isEmptyFilter, STATUSES, windowOf, type Action, type ActionFilter, type Actor, type InterchangeDocument, type Source } from '../../domain';
import { actionAttributes, addActorNode, createActionGraph, type ActionGraph } from '../../graph';
import { sortActions } from '../answers';

export type Op =
  | { t: 'actor'; v: Actor }
  | { t: 'source'; v: Source }
  | { t: 'action'; v: Action }
  | { t: 'delActor'; id: string }
  | { t: 'delSource'; id: string }
  | { t: 'delAction'; id: string };

/** The timeline as columns; starts and ends cover its dated part (the undated actions come last). */
interface TimelineColumns {
  starts: Float64Array;
  ends: Float64Array;
  types: Uint8Array;
  statuses: Uint8Array;
  longest: number;
}

function columnsOf(timeline: readonly Action[]): TimelineColumns {
  const starts: number[] = [];
  const ends: number[] = [];
  const types = new Uint8Array(timeline.length);
  const statuses = new Uint8Array(timeline.length);
  const typeCode = new Map<string, number>(ACTION_TYPE_IDS.map((t, i) => [t, i]));
  const statusCode = new Map<string, number>(STATUSES.map((t, i) => [t, i]));
  let longest = 0;
  timeline.forEach((a, i) => {
    types[i] = typeCode.get(a.type)!;
    statuses[i] = statusCode.get(a.status)!;
    const span = actionSpan(a);
    if (!span) return;
    starts.push(span.start);
    ends.push(span.end);
    longest = Math.max(longest, span.end - span.start);
  });
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), types, statuses, longest };
}

/** Which codes of `all` pass: those in `chosen`, or every one when nothing is chosen. */
function codeMask(all: readonly string[], chosen: readonly string[] | undefined): Uint8Array {
  const mask = new Uint8Array(all.length);
  all.forEach((v, i) => {
    mask[i] = !chosen?.length || chosen.includes(v) ? 1 : 0;
  });
  return mask;
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
  /** The timeline as columns for filtering, rebuilt lazily with it. */
  private columns: TimelineColumns | null = null;
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
      this.columns = null;
    }
    return this.timeline;
  }

  /**
   * The actions passing `filter`, in timeline order, answered from columns of the timeline: start
   * and end instants, type and status codes. Reading a field of each action object meant a cache
   * miss per action (the timeline order is not the order they sit in memory), which at 600k
   * actions cost ~20 ms a query; the columns are contiguous. With a date window, binary search on
   * the starts finds the run whose start lies in [window start - longest span, window end] (the
   * timeline keeps starts ascending; undated actions sort last and never pass a window).
   */
  matching(filter: ActionFilter): Action[] {
    const timeline = this.sortedActions();
    if (isEmptyFilter(filter)) return timeline;
    const { starts, ends, types, statuses, longest } = (this.columns ??= columnsOf(timeline));
    const typeOk = codeMask(ACTION_TYPE_IDS, filter.types);
    const statusOk = codeMask(STATUSES, filter.statuses);
    const windowed = hasDateWindow(filter);
    const win = windowOf(filter);
    const from = windowed && win.start !== -Infinity ? firstAtOrAfter(starts, win.start - longest) : 0;
    const to = !windowed ? timeline.length : win.end === Infinity ? starts.length : firstAtOrAfter(starts, win.end + 1);
    const out: Action[] = [];
    for (let i = from; i < to; i++) {
      if (windowed && (ends[i]! < win.start || starts[i]! > win.end)) continue;
      if (typeOk[types[i]!] && statusOk[statuses[i]!]) out.push(timeline[i]!);
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
