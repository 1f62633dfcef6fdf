/**
 * The view state in the URL's query, so a copied link restores the same view:
 * ?mode=&focus=&depth=&expand=&type=&status=&layer=&from=&to=&sel=&src=&dst=&chain=&ci=&x=&sort=
 * Only values that differ from the initial state are written. Values that do not parse are
 * dropped (and reported), never guessed.
 */
import { ACTION_TYPE_IDS, ID_PATTERN, LAYERS, STATUSES, isParsedDate, parseDate, type ActionType, type Status } from '../../contract';
import { INITIAL_STATE, MODES, SORT_COLUMNS, type LayerChoice, type Mode, type SortColumn, type ViewState } from './types';

const ACTION_PREFIX = 'action:';

function list(v: string | null): string[] {
  return v ? v.split(',').map((x) => x.trim()).filter(Boolean) : [];
}

function oneOf<T extends string>(values: readonly T[], v: string): v is T {
  return (values as readonly string[]).includes(v);
}

export interface Parsed {
  state: ViewState;
  /** Parameters that were present but not understood. */
  ignored: string[];
}

export function fromQuery(search: string): Parsed {
  const q = new URLSearchParams(search);
  const ignored: string[] = [];
  const s: ViewState = { ...INITIAL_STATE, sort: { ...INITIAL_STATE.sort } };
  const id = (name: string): string | null => {
    const v = q.get(name);
    if (v === null || v === '') return null;
    if (ID_PATTERN.test(v)) return v;
    ignored.push(name);
    return null;
  };
  const date = (name: string): string | null => {
    const v = q.get(name);
    if (!v) return null;
    if (isParsedDate(parseDate(v))) return v;
    ignored.push(name);
    return null;
  };
  const mode = q.get('mode');
  if (mode) {
    if (oneOf<Mode>(MODES, mode)) s.mode = mode;
    else ignored.push('mode');
  }
  s.focus = id('focus');
  const depth = Number(q.get('depth') ?? 1);
  if (depth === 1 || depth === 2 || depth === 3) s.depth = depth;
  else ignored.push('depth');
  s.expand = list(q.get('expand')).filter((x) => ID_PATTERN.test(x));
  s.types = list(q.get('type')).filter((t): t is ActionType => oneOf(ACTION_TYPE_IDS, t));
  s.statuses = list(q.get('status')).filter((t): t is Status => oneOf(STATUSES, t));
  s.layers = list(q.get('layer')).filter((t): t is LayerChoice => t === 'none' || oneOf(LAYERS, t));
  s.from = date('from');
  s.to = date('to');
  const sel = q.get('sel');
  if (sel) {
    const isAction = sel.startsWith(ACTION_PREFIX);
    const raw = isAction ? sel.slice(ACTION_PREFIX.length) : sel;
    if (ID_PATTERN.test(raw)) s.sel = { kind: isAction ? 'action' : 'actor', id: raw };
    else ignored.push('sel');
  }
  s.src = id('src');
  s.dst = id('dst');
  s.chainActor = id('chain');
  const ci = Number(q.get('ci') ?? 0);
  if (Number.isInteger(ci) && ci >= 0 && ci < 50) s.chain = ci;
  else ignored.push('ci');
  if (q.get('x') === 'name') s.stackX = 'name';
  const sort = q.get('sort');
  if (sort) {
    const col = sort.replace(/^-/, '');
    if (oneOf<SortColumn>(SORT_COLUMNS, col)) s.sort = { col, dir: sort.startsWith('-') ? 'desc' : 'asc' };
    else ignored.push('sort');
  }
  return { state: s, ignored };
}

export function toQuery(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.mode !== 'graph') q.set('mode', s.mode);
  if (s.focus) {
    q.set('focus', s.focus);
    if (s.depth !== 1) q.set('depth', String(s.depth));
    if (s.expand.length) q.set('expand', s.expand.join(','));
  }
  if (s.types.length) q.set('type', s.types.join(','));
  if (s.statuses.length) q.set('status', s.statuses.join(','));
  if (s.layers.length) q.set('layer', s.layers.join(','));
  if (s.from) q.set('from', s.from);
  if (s.to) q.set('to', s.to);
  if (s.sel) q.set('sel', s.sel.kind === 'action' ? ACTION_PREFIX + s.sel.id : s.sel.id);
  if (s.src) q.set('src', s.src);
  if (s.dst) q.set('dst', s.dst);
  if (s.chainActor) q.set('chain', s.chainActor);
  if (s.chain) q.set('ci', String(s.chain));
  if (s.stackX !== 'date') q.set('x', s.stackX);
  if (s.sort.col !== 'date' || s.sort.dir !== 'asc') q.set('sort', (s.sort.dir === 'desc' ? '-' : '') + s.sort.col);
  const text = q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `?${text}` : '';
}
