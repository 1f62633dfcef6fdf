/** Pure changes of the view state: each takes a state and returns a new one. */
import type { ActionType, Status } from '../../contract';
import { INITIAL_STATE, type Depth, type LayerChoice, type Mode, type Selection, type SortColumn, type StackX, type ViewState } from './types';

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

export function setMode(s: ViewState, mode: Mode): ViewState {
  return { ...s, mode };
}

/** Focuses on an actor's neighbourhood and selects it; earlier expansions are dropped. */
export function focusOn(s: ViewState, id: string): ViewState {
  const mode = s.mode === 'table' || s.mode === 'stack' ? s.mode : 'graph';
  return { ...s, mode, focus: id, expand: [], sel: { kind: 'actor', id } };
}

export function clearFocus(s: ViewState): ViewState {
  return { ...s, focus: null, expand: [] };
}

export function setDepth(s: ViewState, depth: Depth): ViewState {
  return { ...s, depth };
}

/** Adds an actor's neighbourhood to the view (double-click). */
export function expand(s: ViewState, id: string): ViewState {
  if (s.focus === null || s.focus === id || s.expand.includes(id)) return s;
  return { ...s, expand: [...s.expand, id] };
}

export function select(s: ViewState, sel: Selection | null): ViewState {
  if (s.sel?.kind === sel?.kind && s.sel?.id === sel?.id) return s;
  return { ...s, sel };
}

export function setTypes(s: ViewState, types: ActionType[]): ViewState {
  return { ...s, types: uniq(types) };
}

export function setStatuses(s: ViewState, statuses: Status[]): ViewState {
  return { ...s, statuses: uniq(statuses) };
}

export function setLayers(s: ViewState, layers: LayerChoice[]): ViewState {
  return { ...s, layers: uniq(layers) };
}

/** Sets the date window; a window whose ends are swapped is put right. */
export function setWindow(s: ViewState, from: string | null, to: string | null, compare: (a: string, b: string) => number): ViewState {
  if (from && to && compare(from, to) > 0) [from, to] = [to, from];
  return { ...s, from, to };
}

export function clearFilters(s: ViewState): ViewState {
  return { ...s, types: [], statuses: [], layers: [], from: null, to: null };
}

export function setPathEnds(s: ViewState, src: string | null, dst: string | null): ViewState {
  return { ...s, mode: 'paths', src, dst };
}

export function showChains(s: ViewState, actor: string | null, chain = 0): ViewState {
  return { ...s, mode: 'chain', chainActor: actor, chain };
}

export function setStackX(s: ViewState, stackX: StackX): ViewState {
  return { ...s, stackX };
}

/** Sorts the table by a column; the same column again flips the direction. */
export function sortBy(s: ViewState, col: SortColumn): ViewState {
  const dir = s.sort.col === col && s.sort.dir === 'asc' ? 'desc' : 'asc';
  return { ...s, sort: { col, dir } };
}

export function reset(): ViewState {
  return { ...INITIAL_STATE };
}

/** Paths and chains are searched in the whole filtered graph, so those views draw all of it. */
export function drawsWholeGraph(s: ViewState): boolean {
  return s.focus === null || s.mode === 'paths' || s.mode === 'chain';
}

/** What the graph data depends on: a change here means fetching again. */
export function dataKey(s: ViewState): string {
  const whole = drawsWholeGraph(s);
  return JSON.stringify([whole ? null : s.focus, whole ? 0 : s.depth, whole ? [] : s.expand, s.types, s.statuses, s.from, s.to]);
}
