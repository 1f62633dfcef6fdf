/**
 * The filters shared by the timeline, the graph, paths, chains, stats and exports; the timeline
 * order; the precedence of two actions. Both stores apply them through these functions so their
 * answers agree.
 */
import { MinHeap } from './min-heap';
import { compareDates, mustParseDate, spanJson, type ParsedDate, type Span } from './dates';
import type { Action } from './schemas';
import { ACTION_TYPES, type ActionType, type Category, type Layer, type Status } from './vocabulary';

export interface ActionFilter {
  types?: ActionType[];
  statuses?: Status[];
  /** Window start (EDTF day, month or year): keeps actions whose span reaches it. */
  from?: string;
  /** Window end (EDTF day, month or year): keeps actions whose span starts by its end. */
  to?: string;
  /**
   * Without it the window is local days, compared with each action's local span (its date read
   * in its own zone); with it the window is read in this IANA zone and compared with instants.
   */
  tz?: string;
  /** Actor ids: actions any of them claims (any-of). */
  claimedBy?: string[];
  /** Actor ids: actions any of them disputes (any-of). */
  disputedBy?: string[];
  categories?: Category[];
  /** Actions with either end's actor in one of these layers. */
  layers?: Layer[];
  /** Episode ids: actions in any of them. */
  episodes?: string[];
}

export function hasDateWindow(f: ActionFilter): boolean {
  return f.from !== undefined || f.to !== undefined;
}

export function isEmptyFilter(f: ActionFilter): boolean {
  return (
    !f.types?.length &&
    !f.statuses?.length &&
    !hasDateWindow(f) &&
    !f.claimedBy?.length &&
    !f.disputedBy?.length &&
    !f.categories?.length &&
    !f.layers?.length &&
    !f.episodes?.length
  );
}

/** Everything an action's date means: instant span, local span, precision and flags (remembered). */
export function actionTime(a: Pick<Action, 'date' | 'timezone'>): ParsedDate | null {
  return a.date === undefined ? null : mustParseDate(a.date, a.timezone);
}

/** Earliest and latest instants (UTC ms) an action's date can mean; ±Infinity at open ends. */
export function actionSpan(a: Pick<Action, 'date' | 'timezone'>): Span | null {
  const t = actionTime(a);
  return t && { start: t.start, end: t.end };
}

/** The same span read as wall-clock time in the action's zone (or its date-time's own offset). */
export function actionLocalSpan(a: Pick<Action, 'date' | 'timezone'>): Span | null {
  return actionTime(a)?.local ?? null;
}

/** What answers carry of an action's date (derived, never sent by clients); JSON null for an open end. */
export interface ActionTimeAnswer {
  start: number | null;
  end: number | null;
  localStart: number | null;
  localEnd: number | null;
  precision: ParsedDate['precision'];
  uncertain: boolean;
  approximate: boolean;
}

export function actionTimeAnswer(a: Pick<Action, 'date' | 'timezone'>): ActionTimeAnswer | null {
  const t = actionTime(a);
  if (!t) return null;
  const instant = spanJson(t);
  const local = spanJson(t.local);
  return {
    start: instant.start,
    end: instant.end,
    localStart: local.start,
    localEnd: local.end,
    precision: t.precision,
    uncertain: t.uncertain,
    approximate: t.approximate,
  };
}

/**
 * The window: [earliest, latest] of `from` and `to`. `local` says what it is compared with: the
 * actions' local spans (no `tz`: the window is wall-clock days) or their instant spans (`tz`).
 */
export function windowOf(f: ActionFilter): Span & { local: boolean } {
  return {
    start: f.from !== undefined ? mustParseDate(f.from, f.tz).start : -Infinity,
    end: f.to !== undefined ? mustParseDate(f.to, f.tz).end : Infinity,
    local: f.tz === undefined,
  };
}

/** Layers of actors, for the `layers` filter; the store that holds the actors answers it. */
export type LayerOf = (actorId: string) => Layer | undefined;

function anyOf(values: readonly string[] | undefined, wanted: Set<string> | null): boolean {
  if (!wanted) return true;
  return !!values?.some((v) => wanted.has(v));
}

/** The action types a filter keeps by type and category together; null when it keeps every type. */
export function filterTypes(f: ActionFilter): Set<ActionType> | null {
  if (!f.types?.length && !f.categories?.length) return null;
  const out = new Set<ActionType>();
  for (const t of Object.keys(ACTION_TYPES) as ActionType[]) {
    if (f.types?.length && !f.types.includes(t)) continue;
    if (f.categories?.length && !f.categories.includes(ACTION_TYPES[t].category)) continue;
    out.add(t);
  }
  return out;
}

/**
 * A predicate for the filter, with the window parsed once. A `layers` filter needs `layerOf`;
 * without it the predicate throws rather than quietly keeping everything.
 */
export function actionPredicate(f: ActionFilter, layerOf?: LayerOf): (a: Action) => boolean {
  const types = filterTypes(f);
  const statuses = f.statuses?.length ? new Set<string>(f.statuses) : null;
  const win = hasDateWindow(f) ? windowOf(f) : null;
  const claimedBy = f.claimedBy?.length ? new Set(f.claimedBy) : null;
  const disputedBy = f.disputedBy?.length ? new Set(f.disputedBy) : null;
  const episodes = f.episodes?.length ? new Set(f.episodes) : null;
  const layers = f.layers?.length ? new Set<string>(f.layers) : null;
  if (layers && !layerOf) throw new Error('a layer filter needs the layers of the actors');
  return (a) => {
    if (types && !types.has(a.type)) return false;
    if (statuses && !statuses.has(a.status)) return false;
    if (!anyOf(a.claimedBy, claimedBy) || !anyOf(a.disputedBy, disputedBy) || !anyOf(a.episodes, episodes)) return false;
    if (layers) {
      const lf = layerOf!(a.from);
      const lt = layerOf!(a.to);
      if (!(lf !== undefined && layers.has(lf)) && !(lt !== undefined && layers.has(lt))) return false;
    }
    if (win) {
      const span = win.local ? actionLocalSpan(a) : actionSpan(a);
      if (!span || span.end < win.start || span.start > win.end) return false;
    }
    return true;
  };
}

/** The timeline key order: instant start, then instant end, then id; undated last. */
export function compareActions(a: Action, b: Action): number {
  return compareActionKeys(actionSpan(a), actionSpan(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function compareActionKeys(a: Span | null, b: Span | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareDates(a, b);
}

/** Compares two bare dates (read in UTC) in timeline order; undefined (undated) last. */
export function compareActionDates(a: string | undefined, b: string | undefined): number {
  return compareActionKeys(a === undefined ? null : mustParseDate(a), b === undefined ? null : mustParseDate(b));
}

/** Sorts in place by the timeline key alone (no response links), parsing each date once. */
export function sortByTimelineKey<T extends Action>(actions: T[]): T[] {
  const keyed = actions.map((a) => ({ a, d: actionSpan(a) }));
  keyed.sort((x, y) => compareActionKeys(x.d, y.d) || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0));
  for (let i = 0; i < keyed.length; i++) actions[i] = keyed[i]!.a;
  return actions;
}

/** Steps between two yields of respectResponsesSteps: a yield costs a look at the clock in the embedded store's slices. */
const STEPS_PER_YIELD = 512;

/**
 * The response order of `sorted` (in key order, left as it is) as steps a caller may pause
 * between (the embedded store over the whole timeline, which held the event loop 40-60 ms at M in
 * one go): the stable topological order that otherwise keeps the key order (of the actions ready
 * at each step, the first in key order goes next). Null when no action of the list responds to
 * another of it, so the key order stands.
 */
export function* respectResponsesSteps<T extends Action>(sorted: readonly T[]): Generator<void, T[] | null> {
  const pos = new Map<string, number>();
  for (let i = 0; i < sorted.length; i++) {
    pos.set(sorted[i]!.id, i);
    if (i % STEPS_PER_YIELD === 0) yield;
  }
  const waitsFor = new Int32Array(sorted.length);
  const dependants = new Map<number, number[]>();
  let linked = false;
  for (let i = 0; i < sorted.length; i++) {
    for (const t of sorted[i]!.respondsTo ?? []) {
      const j = pos.get(t);
      if (j === undefined || j === i) continue;
      linked = true;
      waitsFor[i]!++;
      const list = dependants.get(j);
      if (list) list.push(i);
      else dependants.set(j, [i]);
    }
    if (i % STEPS_PER_YIELD === 0) yield;
  }
  if (!linked) return null;
  const heap = new MinHeap();
  for (let i = 0; i < sorted.length; i++) if (waitsFor[i] === 0) heap.push(i);
  yield;
  const out: T[] = [];
  const placed = new Uint8Array(sorted.length);
  while (heap.size) {
    const i = heap.pop();
    placed[i] = 1;
    out.push(sorted[i]!);
    for (const k of dependants.get(i) ?? []) if (--waitsFor[k]! === 0) heap.push(k);
    if (out.length % STEPS_PER_YIELD === 0) yield;
  }
  // A cycle (which validation refuses) would leave actions unplaced: they keep their key order.
  if (out.length < sorted.length) for (let i = 0; i < sorted.length; i++) if (!placed[i]) out.push(sorted[i]!);
  return out;
}

/**
 * Moves responses after what they respond to, in place, among the actions of `sorted` (in key
 * order): respectResponsesSteps in one go. A list without links inside it comes back as it was.
 */
export function respectResponses<T extends Action>(sorted: T[]): T[] {
  const steps = respectResponsesSteps(sorted);
  let step = steps.next();
  while (!step.done) step = steps.next();
  const out = step.value;
  if (out) for (let i = 0; i < out.length; i++) sorted[i] = out[i]!;
  return sorted;
}

/**
 * Sorts in place into timeline order: by the key (compareActions), with every response after what
 * it responds to when both are in the list.
 */
export function sortTimeline<T extends Action>(actions: T[]): T[] {
  return respectResponses(sortByTimelineKey(actions));
}

export type Precedence = 'certain' | 'possible' | 'impossible';

/** Precedence of A before B by dates alone: certain when A ends before B begins, impossible when B ends before A begins. */
export function datePrecedence(a: Span | null, b: Span | null): Precedence {
  if (!a || !b) return 'possible';
  if (a.end < b.start) return 'certain';
  if (b.end < a.start) return 'impossible';
  return 'possible';
}

/** Whether `later` responds to `earlier`, directly or through a chain of responses. */
export type RespondsTo = (later: string, earlier: string) => boolean;

/** The response links of actions by id; undefined for an action the caller does not hold. */
export type LinksOf = (id: string) => readonly string[] | undefined;

/** Whether `later` responds to `earlier` at any remove, following links as `linksOf` gives them. */
export function reachThrough(linksOf: LinksOf): RespondsTo {
  return (later, earlier) => {
    if (later === earlier) return false;
    const seen = new Set<string>([later]);
    const stack = [later];
    while (stack.length) {
      for (const t of linksOf(stack.pop()!) ?? []) {
        if (t === earlier) return true;
        if (!seen.has(t)) {
          seen.add(t);
          stack.push(t);
        }
      }
    }
    return false;
  };
}

/** RespondsTo over the response links of the given actions (any action they name but do not include ends a chain). */
export function responseReach(actions: Iterable<Pick<Action, 'id' | 'respondsTo'>>): RespondsTo {
  const links = new Map<string, readonly string[]>();
  for (const a of actions) if (a.respondsTo?.length) links.set(a.id, a.respondsTo);
  return reachThrough((id) => links.get(id));
}

/**
 * Precedence of A before B: certain when B responds (at any remove) to A or A's span ends before
 * B's begins; impossible when A responds to B or B's span ends before A's begins; else possible.
 * The links decide before the dates. Without `respondsTo`, only direct links are seen.
 */
export function precedence(
  a: Pick<Action, 'id' | 'date' | 'timezone' | 'respondsTo'>,
  b: Pick<Action, 'id' | 'date' | 'timezone' | 'respondsTo'>,
  respondsTo?: RespondsTo,
): Precedence {
  const reach = respondsTo ?? responseReach([a, b]);
  if (reach(b.id, a.id)) return 'certain';
  if (reach(a.id, b.id)) return 'impossible';
  return datePrecedence(actionSpan(a), actionSpan(b));
}

/**
 * Why `response` cannot respond to `target` by their dates (its span ends before the target's
 * begins), or null when it can.
 */
export function responseDateProblem(
  response: Pick<Action, 'date' | 'timezone'>,
  target: Pick<Action, 'id' | 'date' | 'timezone'>,
): string | null {
  const r = actionSpan(response);
  const t = actionSpan(target);
  if (r && t && r.end < t.start) return `cannot respond to "${target.id}": its date ends before that action's date begins`;
  return null;
}

/**
 * A cycle of response links through `start` once its links are `links`: the ids from start back
 * to itself, or null. `linksOf` gives every other action's links (undefined: none).
 */
export function responseCycle(
  start: string,
  links: readonly string[],
  linksOf: (id: string) => readonly string[] | undefined,
): string[] | null {
  const parent = new Map<string, string>();
  const stack: string[] = [];
  for (const t of links) {
    if (!parent.has(t)) {
      parent.set(t, start);
      stack.push(t);
    }
  }
  while (stack.length) {
    const id = stack.pop()!;
    if (id === start) {
      const path = [start];
      for (let p = parent.get(start)!; p !== start; p = parent.get(p)!) path.unshift(p);
      return [start, ...path];
    }
    for (const t of linksOf(id) ?? []) {
      if (!parent.has(t)) {
        parent.set(t, id);
        stack.push(t);
      }
    }
  }
  return null;
}
