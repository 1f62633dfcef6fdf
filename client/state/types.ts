/**
 * The view: plain data, changed only by pure functions (reducers.ts and each mode's reducers),
 * kept in the URL. Fields every mode shares are here; a mode's own fields are under `modes`.
 */
import type { ActionType, Category, Layer, Status } from '../../contract';
import { DEFAULT_MODE, MODES, type ModeId, type ModeStates } from '../modes/registry';

/** Layer filter values: the layers, plus `none` for actors that have no layer. */
export type LayerChoice = Layer | 'none';

export type Depth = 1 | 2 | 3;

export type Selection = { kind: 'actor'; id: string } | { kind: 'action'; id: string };

/** The filters a view sends to the API, as the view state holds them (empty list or null: none). */
export interface FilterFields {
  types: ActionType[];
  /** Categories of action types (any-of; with `types`, an action passes both). */
  categories: Category[];
  statuses: Status[];
  /** Actor ids: actions any of them claims. */
  claimedBy: string[];
  /** Actor ids: actions any of them disputes. */
  disputedBy: string[];
  /** Episode ids: actions in any of them. */
  episodes: string[];
  /** Date window (interchange dates), inclusive. */
  from: string | null;
  to: string | null;
  /** IANA zone the window is read in (against instants); null: each action's own local days. */
  tz: string | null;
}

export interface ViewState extends FilterFields {
  mode: ModeId;
  /** The actor whose neighbourhood is shown; null: the whole filtered graph. */
  focus: string | null;
  depth: Depth;
  /** Actors whose neighbourhood (depth 1) was added by double-click. */
  expand: string[];
  /** Layers whose actors are drawn (a drawing filter, not sent to the API). */
  layers: LayerChoice[];
  sel: Selection | null;
  /** Each mode's own fields, kept while another mode is shown (and in the URL). */
  modes: ModeStates;
}

/** The filters of a view with none set: what a new view starts with and "clear filters" returns to. */
export const NO_FILTERS = {
  types: [],
  categories: [],
  statuses: [],
  layers: [],
  claimedBy: [],
  disputedBy: [],
  episodes: [],
  from: null,
  to: null,
  tz: null,
} as const satisfies Partial<ViewState>;

export const INITIAL_STATE: ViewState = {
  mode: DEFAULT_MODE,
  focus: null,
  depth: 1,
  expand: [],
  ...NO_FILTERS,
  sel: null,
  modes: Object.fromEntries(MODES.map((m) => [m.id, m.initial])) as ModeStates,
};
