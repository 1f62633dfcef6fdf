/** The table mode: the drawn actions as rows, sorted by a column (sort=col, or sort=-col descending). */
import { oneOf } from '../../state/query';
import { defineMode } from '../descriptor';

export const SORT_COLUMNS = ['date', 'category', 'type', 'from', 'to', 'status', 'episode', 'summary'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export interface Sort {
  col: SortColumn;
  dir: 'asc' | 'desc';
}

export interface TableState {
  sort: Sort;
}

const BY_DATE: Sort = { col: 'date', dir: 'asc' };

export const table = defineMode<'table', TableState>({
  id: 'table',
  label: 'Table',
  wholeGraph: false,
  drawing: false,
  initial: { sort: BY_DATE },
  url: {
    params: ['sort'],
    read(q) {
      const sort = q.get('sort');
      if (!sort) return { sort: BY_DATE };
      const col = sort.replace(/^-/, '');
      if (oneOf(SORT_COLUMNS, col)) return { sort: { col, dir: sort.startsWith('-') ? 'desc' : 'asc' } };
      q.ignore('sort');
      return { sort: BY_DATE };
    },
    write: (s, q) =>
      void ((s.sort.col !== 'date' || s.sort.dir !== 'asc') && q.set('sort', (s.sort.dir === 'desc' ? '-' : '') + s.sort.col)),
  },
});
