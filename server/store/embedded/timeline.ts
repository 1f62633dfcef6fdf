/**
 * The embedded store's timeline: every action in timeline order, with columns of it for filtering
 * (start and end instants, type and status codes). Reading a field of each action object meant a
 * cache miss per action, since timeline order is not the order they sit in memory: ~20 ms a
 * filtered query at 600k actions, where the contiguous columns take ~2 ms. After a change the
 * next read places just the changed actions by binary search (tens of ms at 600k actions) rather
 * than sorting everything again (1.6 s).
 */
import {
  ACTION_TYPE_IDS,
  actionPredicate,
  actionTime,
  compareActions,
  filterTypes,
  hasDateWindow,
  isEmptyFilter,
  respectResponses,
  respectResponsesSteps,
  sortByTimelineKey,
  STATUSES,
  windowOf,
  type Action,
  type ActionFilter,
  type LayerOf,
} from '../../../contract';
import type { Slices } from './slices';

/**
 * A local span is its instant span shifted by the zone's offset (at most 14 h either way), and a
 * zone's offset changes by a few hours at most within a span: a local window searches the
 * instant-sorted starts this much wider.
 */
const LOCAL_PAD_MS = 36 * 3_600_000;

interface Columns {
  /** Start and end instants; NaN for undated actions, which come last (`dated` is how many are not). */
  starts: Float64Array;
  ends: Float64Array;
  /** The same spans read as wall-clock time (local-day windows compare with these). */
  localStarts: Float64Array;
  localEnds: Float64Array;
  types: Uint8Array;
  statuses: Uint8Array;
  dated: number;
  /** The longest span seen (after removals it may be longer than any left: it only widens a search). */
  longest: number;
}

const TYPE_CODE = new Map<string, number>(ACTION_TYPE_IDS.map((t, i) => [t, i]));
const STATUS_CODE = new Map<string, number>(STATUSES.map((t, i) => [t, i]));

function emptyColumns(n: number): Columns {
  return {
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    localStarts: new Float64Array(n),
    localEnds: new Float64Array(n),
    types: new Uint8Array(n),
    statuses: new Uint8Array(n),
    dated: 0,
    longest: 0,
  };
}

function setRow(c: Columns, i: number, a: Action): void {
  c.types[i] = TYPE_CODE.get(a.type)!;
  c.statuses[i] = STATUS_CODE.get(a.status)!;
  const span = actionTime(a);
  c.starts[i] = span ? span.start : NaN;
  c.ends[i] = span ? span.end : NaN;
  c.localStarts[i] = span ? span.local.start : NaN;
  c.localEnds[i] = span ? span.local.end : NaN;
  if (span) {
    c.dated++;
    c.longest = Math.max(c.longest, span.end - span.start);
  }
}

function columnsOf(timeline: readonly Action[]): Columns {
  const c = emptyColumns(timeline.length);
  timeline.forEach((a, i) => setRow(c, i, a));
  return c;
}

/** Where `a` is, or would go, in a timeline-ordered list (ids are unique, so the order is total). */
function positionOf(list: readonly Action[], a: Action): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareActions(list[mid]!, a) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstAtOrAfter(sorted: Float64Array, end: number, x: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Which codes of `all` pass: those in `chosen`, or every one when nothing is chosen. */
function codeMask(all: readonly string[], chosen: readonly string[] | undefined): Uint8Array {
  const mask = new Uint8Array(all.length);
  all.forEach((v, i) => {
    mask[i] = !chosen?.length || chosen.includes(v) ? 1 : 0;
  });
  return mask;
}

/** Actions sorted per run before runs are merged (a few ms each). */
const RUN = 2048;

interface Keyed {
  a: Action;
  start: number;
  end: number;
  dated: boolean;
}

/** sortByTimelineKey's order (instant start, end, id; undated last) on spans read once. */
function byKey(x: Keyed, y: Keyed): number {
  if (x.dated !== y.dated) return x.dated ? -1 : 1;
  if (x.dated && x.start !== y.start) return x.start < y.start ? -1 : 1;
  if (x.dated && x.end !== y.end) return x.end < y.end ? -1 : 1;
  return x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0;
}

/**
 * sortByTimelineKey in slices: dates read, runs sorted, and runs merged pairwise, with a pause
 * whenever a slice is used up (one sort of 60,000 actions held the loop for 0.2 s after an import).
 */
async function sortInSlices(actions: Action[], slices: Slices): Promise<Action[]> {
  let runs: Keyed[][] = [];
  let run: Keyed[] = [];
  await slices.each(actions, (a) => {
    const span = actionTime(a);
    run.push({ a, start: span ? span.start : 0, end: span ? span.end : 0, dated: !!span });
    if (run.length === RUN) {
      runs.push(run.sort(byKey));
      run = [];
    }
  });
  if (run.length) runs.push(run.sort(byKey));
  while (runs.length > 1) {
    const next: Keyed[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const x = runs[r]!;
      const y = runs[r + 1];
      if (!y) {
        next.push(x);
        continue;
      }
      const out: Keyed[] = new Array<Keyed>(x.length + y.length);
      let i = 0;
      let j = 0;
      for (let k = 0; k < out.length; k++) {
        out[k] = j >= y.length || (i < x.length && byKey(x[i]!, y[j]!) <= 0) ? x[i++]! : y[j++]!;
        if (slices.tick()) await slices.pause();
      }
      next.push(out);
    }
    runs = next;
  }
  return (runs[0] ?? []).map((k) => k.a);
}

export class Timeline {
  private list: Action[] | null = null;
  private columns: Columns | null = null;
  /**
   * `list` with responses after what they respond to, kept until the list changes: every
   * unfiltered page and export reads it, and making it holds the loop 40-60 ms at M.
   */
  private orderedList: Action[] | null = null;
  /** Records that left the sorted list (removed or replaced) and ids of those that came since. */
  private readonly left: Action[] = [];
  private readonly came = new Set<string>();

  /** Records a change to action `id`: `old` is the record it replaces or removes, if any. */
  changed(id: string, old: Action | undefined, stays: boolean): void {
    if (!this.list) return;
    if (old && !this.came.delete(id)) this.left.push(old);
    if (stays) this.came.add(id);
  }

  /** Actions with response links: only while there are some does the order need respectResponses. */
  private linked = 0;

  /** Records a change to the links count: `old` is the record left, `now` the one arrived. */
  private countLinks(old: Action | undefined, now: Action | undefined): void {
    if (old?.respondsTo?.length) this.linked--;
    if (now?.respondsTo?.length) this.linked++;
  }

  /** All actions in timeline order, responses after what they respond to. */
  ordered(actions: ReadonlyMap<string, Action>): Action[] {
    const list = this.sorted(actions);
    if (this.linked === 0) return list;
    return (this.orderedList ??= respectResponses(list.slice()));
  }

  /** Whether the next read sorts everything again: many changes (an import) cost less so than placed each. */
  private stale(): boolean {
    return !this.list || this.left.length + this.came.size > Math.max(64, this.list.length / 16);
  }

  /** Takes `list` (every action, in key order) as the timeline. */
  private install(list: Action[]): void {
    this.list = list;
    this.columns = null;
    this.orderedList = null;
    this.linked = 0;
    for (const a of list) this.countLinks(undefined, a);
    this.left.length = 0;
    this.came.clear();
  }

  /**
   * Does in slices what the next read would do in one go: sort every action again (after an
   * import) and build the filter columns. The caller's slices restart it if a write lands in a
   * pause, so what it installs is of the version it read.
   */
  async prepare(actions: ReadonlyMap<string, Action>, slices: Slices): Promise<void> {
    if (this.stale()) this.install(await sortInSlices([...actions.values()], slices));
    const list = this.sorted(actions);
    if (!this.columns) {
      const c = emptyColumns(list.length);
      let i = 0;
      await slices.each(list, (a) => setRow(c, i++, a));
      // Another read may have built them during a pause (with no write between, from the same list).
      if (this.list === list) this.columns ??= c;
    }
    if (this.linked > 0 && !this.orderedList) {
      const ordered = (await slices.drive(respectResponsesSteps(list))) ?? list.slice();
      if (this.list === list) this.orderedList ??= ordered;
    }
  }

  /** All actions in key order (compareActions), without the response constraint. Do not modify. */
  sorted(actions: ReadonlyMap<string, Action>): Action[] {
    if (this.stale()) {
      this.install(sortByTimelineKey([...actions.values()]));
    } else if (this.left.length || this.came.size) {
      for (const a of this.left) this.countLinks(a, undefined);
      const came = [...this.came].map((id) => actions.get(id)!);
      for (const a of came) this.countLinks(undefined, a);
      this.splice(sortByTimelineKey(came));
    }
    this.left.length = 0;
    this.came.clear();
    return this.list!;
  }

  /**
   * The actions passing `filter`, in timeline order (responses after what they respond to); in
   * key order alone when `keyOrder`, for callers that only count them (placing responses held
   * the loop 20-30 ms for the metric categories at M).
   */
  matching(filter: ActionFilter, actions: ReadonlyMap<string, Action>, layerOf: LayerOf, keyOrder = false): Action[] {
    if (isEmptyFilter(filter)) return keyOrder ? this.sorted(actions) : this.ordered(actions);
    const list = this.sorted(actions);
    const { starts, ends, localStarts, localEnds, types, statuses, dated, longest } = (this.columns ??= columnsOf(list));
    const kept = filterTypes(filter);
    const typeOk = codeMask(ACTION_TYPE_IDS, kept ? [...kept] : undefined);
    if (kept && kept.size === 0) return [];
    const statusOk = codeMask(STATUSES, filter.statuses);
    const windowed = hasDateWindow(filter);
    const win = windowOf(filter);
    const pad = win.local ? LOCAL_PAD_MS : 0;
    const [lo, hi] = win.local ? [localStarts, localEnds] : [starts, ends];
    // With a window, only the dated run whose start lies in [window start - longest, window end] (padded for local spans).
    const from = windowed && win.start !== -Infinity ? firstAtOrAfter(starts, dated, win.start - longest - pad) : 0;
    const to = !windowed ? list.length : win.end === Infinity ? dated : firstAtOrAfter(starts, dated, win.end + pad + 1);
    // The filters the columns do not hold (claimants, disputants, episodes, layers) go through the predicate.
    const rest =
      filter.claimedBy?.length || filter.disputedBy?.length || filter.episodes?.length || filter.layers?.length
        ? actionPredicate(
            { claimedBy: filter.claimedBy, disputedBy: filter.disputedBy, episodes: filter.episodes, layers: filter.layers },
            layerOf,
          )
        : null;
    const out: Action[] = [];
    for (let i = from; i < to; i++) {
      if (windowed && (hi[i]! < win.start || lo[i]! > win.end)) continue;
      if (typeOk[types[i]!] && statusOk[statuses[i]!] && (!rest || rest(list[i]!))) out.push(list[i]!);
    }
    return this.linked > 0 && !keyOrder ? respectResponses(out) : out;
  }

  /** The list without the records that left and with `came` (timeline-ordered) in place; columns too. */
  private splice(came: readonly Action[]): void {
    const old = this.list!;
    const was = this.columns;
    const drops = [...new Set(this.left.map((a) => positionOf(old, a)))].sort((x, y) => x - y);
    const at = came.map((a) => positionOf(old, a));
    const n = old.length - drops.length + came.length;
    const list: Action[] = new Array<Action>(n);
    const c = was ? emptyColumns(n) : null;
    if (c && was) c.longest = was.longest;
    let k = 0;
    // Copies old[from, to) as one run: typed arrays by block, the list element by element.
    const copy = (from: number, to: number) => {
      if (to <= from) return;
      for (let i = from; i < to; i++) list[k + i - from] = old[i]!;
      if (c && was) {
        c.starts.set(was.starts.subarray(from, to), k);
        c.ends.set(was.ends.subarray(from, to), k);
        c.localStarts.set(was.localStarts.subarray(from, to), k);
        c.localEnds.set(was.localEnds.subarray(from, to), k);
        c.types.set(was.types.subarray(from, to), k);
        c.statuses.set(was.statuses.subarray(from, to), k);
        c.dated += Math.max(0, Math.min(to, was.dated) - from);
      }
      k += to - from;
    };
    let i = 0;
    let d = 0;
    let j = 0;
    while (i < old.length || j < came.length) {
      // The next event: an arrival placed before position i, or a dropped position.
      const nextArrival = j < came.length ? at[j]! : Infinity;
      const nextDrop = d < drops.length ? drops[d]! : Infinity;
      const stop = Math.min(nextArrival, nextDrop, old.length);
      copy(i, stop);
      i = stop;
      if (nextArrival <= i && j < came.length) {
        if (c) setRow(c, k, came[j]!);
        list[k++] = came[j++]!;
      } else if (nextDrop === i) {
        i++;
        d++;
      } else if (i >= old.length && j >= came.length) break;
    }
    this.list = list;
    this.columns = c;
    this.orderedList = null;
  }
}
