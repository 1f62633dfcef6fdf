/** Pure changes of the view state: each takes a state and returns a new one. */
import type { ActionType, Category, Status } from '../../contract';
import { DEFAULT_MODE, modeOf, type ModeId, type ModeStates } from '../modes/registry';
import { NO_FILTERS, type Depth, type LayerChoice, type Selection, type ViewState } from './types';

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

export function setMode(s: ViewState, mode: ModeId): ViewState {
  return { ...s, mode };
}

/** Changes a mode's own fields (for its reducers, in client/modes/<id>/). */
export function patchMode<K extends ModeId>(s: ViewState, mode: K, patch: Partial<ModeStates[K]>): ViewState {
  return { ...s, modes: { ...s.modes, [mode]: { ...s.modes[mode], ...patch } } };
}

/**
 * Focuses on an actor's neighbourhood and selects it; earlier expansions are dropped. A mode
 * that draws the whole graph cannot show a neighbourhood, so focusing leaves it.
 */
export function focusOn(s: ViewState, id: string): ViewState {
  const mode = modeOf(s.mode).wholeGraph ? DEFAULT_MODE : s.mode;
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

export function setCategories(s: ViewState, categories: Category[]): ViewState {
  return { ...s, categories: uniq(categories) };
}

/** Which actor-list filter: actions these actors claim, or dispute. */
export type PartyFilter = 'claimedBy' | 'disputedBy';

export function setParties(s: ViewState, which: PartyFilter, ids: string[]): ViewState {
  return { ...s, [which]: uniq(ids) };
}

export function setEpisodes(s: ViewState, episodes: string[]): ViewState {
  return { ...s, episodes: uniq(episodes) };
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

/** Reads the date window in one zone (null: each action's own local days). */
export function setZone(s: ViewState, tz: string | null): ViewState {
  return s.tz === tz ? s : { ...s, tz };
}

export function clearFilters(s: ViewState): ViewState {
  return { ...s, ...NO_FILTERS };
}

/** Whether any filter is set (the layer filter included). */
export function hasFilters(s: ViewState): boolean {
  return Boolean(
    s.types.length ||
    s.categories.length ||
    s.statuses.length ||
    s.layers.length ||
    s.claimedBy.length ||
    s.disputedBy.length ||
    s.episodes.length ||
    s.from ||
    s.to,
  );
}

/** The filters the server applies, as one key: a change means asking the server again. */
export function filterKey(s: ViewState): string {
  return JSON.stringify([s.types, s.categories, s.statuses, s.claimedBy, s.disputedBy, s.episodes, s.from, s.to, s.tz]);
}

/** Whether the whole filtered graph is drawn: nothing is focused, or the mode searches all of it. */
export function drawsWholeGraph(s: ViewState): boolean {
  return s.focus === null || modeOf(s.mode).wholeGraph;
}

/** The actor whose neighbourhood is drawn, or null when the whole graph is. */
export function shownFocus(s: ViewState): string | null {
  return drawsWholeGraph(s) ? null : s.focus;
}

/** What the graph data depends on: a change here means fetching again. */
export function dataKey(s: ViewState): string {
  const whole = drawsWholeGraph(s);
  return JSON.stringify([shownFocus(s), whole ? 0 : s.depth, whole ? [] : s.expand, filterKey(s)]);
}
