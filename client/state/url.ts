/**
 * The view state in the URL's query, so a copied link restores the same view:
 * ?mode=&focus=&depth=&expand=&type=&category=&status=&layer=&claimedBy=&disputedBy=&episode=&from=&to=&tz=&sel=
 * and then each mode's own
 * parameters (client/modes/<id>/mode.ts). Only values that differ from the initial state are
 * written. Values that do not parse are dropped (and reported), never guessed.
 */
import {
  ACTION_TYPE_IDS,
  CATEGORIES,
  ID_PATTERN,
  LAYERS,
  STATUSES,
  isValidZone,
  type ActionType,
  type Category,
  type Status,
} from '../../contract';
import type { ModeDescriptor } from '../modes/descriptor';
import { DEFAULT_MODE, MODES, isModeId, type ModeStates } from '../modes/registry';
import { AS_OF } from '../features/history/as-of';
import { oneOf, queryReader } from './query';
import { INITIAL_STATE, type LayerChoice, type ViewState } from './types';

const ACTION_PREFIX = 'action:';

/** The parameters of the fields every mode shares; a mode's own parameters must differ. */
export const COMMON_PARAMS = [
  'mode',
  'focus',
  'depth',
  'expand',
  'type',
  'category',
  'status',
  'layer',
  'claimedBy',
  'disputedBy',
  'episode',
  'from',
  'to',
  'tz',
  'sel',
] as const;

// The registry's modes, each with its own state type, seen as one kind for the loops below.
const modes = MODES as readonly ModeDescriptor[];

export interface Parsed {
  state: ViewState;
  /** Parameters that were present but not understood. */
  ignored: string[];
}

const ids = (xs: string[]): string[] => [...new Set(xs.filter((x) => ID_PATTERN.test(x)))];

export function fromQuery(search: string): Parsed {
  const { reader: q, ignored } = queryReader(search);
  const s: ViewState = { ...INITIAL_STATE };
  const mode = q.get('mode');
  if (mode) {
    if (isModeId(mode)) s.mode = mode;
    else q.ignore('mode');
  }
  s.focus = q.id('focus');
  const depth = Number(q.get('depth') ?? 1);
  if (depth === 1 || depth === 2 || depth === 3) s.depth = depth;
  else q.ignore('depth');
  s.expand = ids(q.list('expand'));
  s.types = q.list('type').filter((t): t is ActionType => oneOf(ACTION_TYPE_IDS, t));
  s.categories = q.list('category').filter((t): t is Category => oneOf(CATEGORIES, t));
  s.statuses = q.list('status').filter((t): t is Status => oneOf(STATUSES, t));
  s.layers = q.list('layer').filter((t): t is LayerChoice => t === 'none' || oneOf(LAYERS, t));
  s.claimedBy = ids(q.list('claimedBy'));
  s.disputedBy = ids(q.list('disputedBy'));
  s.episodes = ids(q.list('episode'));
  s.from = q.date('from');
  s.to = q.date('to');
  const tz = q.get('tz');
  if (tz) {
    if (isValidZone(tz)) s.tz = tz;
    else q.ignore('tz');
  }
  const sel = q.get('sel');
  if (sel) {
    const isAction = sel.startsWith(ACTION_PREFIX);
    const raw = isAction ? sel.slice(ACTION_PREFIX.length) : sel;
    if (ID_PATTERN.test(raw)) s.sel = { kind: isAction ? 'action' : 'actor', id: raw };
    else q.ignore('sel');
  }
  s.modes = Object.fromEntries(modes.map((m) => [m.id, m.url.read(q)])) as ModeStates;
  return { state: s, ignored };
}

export function toQuery(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.mode !== DEFAULT_MODE) q.set('mode', s.mode);
  if (s.focus) {
    q.set('focus', s.focus);
    if (s.depth !== 1) q.set('depth', String(s.depth));
    if (s.expand.length) q.set('expand', s.expand.join(','));
  }
  if (s.types.length) q.set('type', s.types.join(','));
  if (s.categories.length) q.set('category', s.categories.join(','));
  if (s.statuses.length) q.set('status', s.statuses.join(','));
  if (s.layers.length) q.set('layer', s.layers.join(','));
  if (s.claimedBy.length) q.set('claimedBy', s.claimedBy.join(','));
  if (s.disputedBy.length) q.set('disputedBy', s.disputedBy.join(','));
  if (s.episodes.length) q.set('episode', s.episodes.join(','));
  if (s.from) q.set('from', s.from);
  if (s.to) q.set('to', s.to);
  if (s.tz) q.set('tz', s.tz);
  if (s.sel) q.set('sel', s.sel.kind === 'action' ? ACTION_PREFIX + s.sel.id : s.sel.id);
  for (const m of modes) m.url.write(s.modes[m.id as keyof ModeStates], q);
  if (AS_OF) q.set('asOf', AS_OF); // the version stays in the address as the view changes
  const text = q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `?${text}` : '';
}
