/** The view: plain data, changed only by the pure functions of reducers.ts, kept in the URL. */
import type { ActionType, Layer, Status } from '../../contract';

export const MODES = ['graph', 'stack', 'chain', 'paths', 'table'] as const;
export type Mode = (typeof MODES)[number];

export const MODE_LABELS: Record<Mode, string> = {
  graph: 'Graph',
  stack: 'Stack',
  chain: 'Chains',
  paths: 'Paths',
  table: 'Table',
};

/** Layer filter values: the layers, plus `none` for actors that have no layer. */
export type LayerChoice = Layer | 'none';

export type Depth = 1 | 2 | 3;

export type Selection = { kind: 'actor'; id: string } | { kind: 'action'; id: string };

export type StackX = 'date' | 'name';

export const SORT_COLUMNS = ['date', 'type', 'from', 'to', 'status', 'summary'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export interface Sort {
  col: SortColumn;
  dir: 'asc' | 'desc';
}

export interface ViewState {
  mode: Mode;
  /** The actor whose neighbourhood is shown; null: the whole filtered graph. */
  focus: string | null;
  depth: Depth;
  /** Actors whose neighbourhood (depth 1) was added by double-click. */
  expand: string[];
  types: ActionType[];
  statuses: Status[];
  layers: LayerChoice[];
  /** Date window (interchange dates), inclusive. */
  from: string | null;
  to: string | null;
  sel: Selection | null;
  /** Paths: the two actors. */
  src: string | null;
  dst: string | null;
  /** Chains: the actor they start from, and the chain shown (index in the answer). */
  chainActor: string | null;
  chain: number;
  stackX: StackX;
  sort: Sort;
}

export const INITIAL_STATE: ViewState = {
  mode: 'graph',
  focus: null,
  depth: 1,
  expand: [],
  types: [],
  statuses: [],
  layers: [],
  from: null,
  to: null,
  sel: null,
  src: null,
  dst: null,
  chainActor: null,
  chain: 0,
  stackX: 'date',
  sort: { col: 'date', dir: 'asc' },
};
