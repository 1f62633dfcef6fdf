/** Changes of the view state that the table mode offers. */
import { patchMode } from '../../state/reducers';
import type { ViewState } from '../../state/types';
import type { SortColumn } from './mode';

/** Sorts the table by a column; the same column again flips the direction. */
export function sortBy(s: ViewState, col: SortColumn): ViewState {
  const { sort } = s.modes.table;
  const dir = sort.col === col && sort.dir === 'asc' ? 'desc' : 'asc';
  return patchMode(s, 'table', { sort: { col, dir } });
}
