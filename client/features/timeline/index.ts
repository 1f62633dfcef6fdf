/**
 * The timeline: actions counted over time (a histogram of the graph without its date window), a
 * window to drag over it (sets from/to), each action's span below it (a bar from its earliest to
 * its latest local time, dashed when uncertain, faded when approximate), and a play button that
 * replays the cascade.
 */
import { compareDateTexts, isParsedDate, parseDate } from '../../../contract';
import type { App } from '../../app';
import { modeOf } from '../../modes/registry';
import { select, setWindow } from '../../state/reducers';
import type { ViewState } from '../../state/types';
import { byId, fill, h, s } from '../../ui/dom';
import { formatDate, formatWhen, plural, shortDate } from '../../ui/format';
import type { EdgeData } from '../../../contract';
import { dateMarks } from '../../ui/dates';
import { binDates, binParse, type Bins, type Placed } from './bins';
import { player } from './play';
import { timelineOrder } from './order';

const HEIGHT = 84;
const SPAN_ROW = 6;
const MAX_SPAN_ROWS = 12;
/** Narrower than this, a span is drawn as a point-sized mark. */
const MIN_SPAN_PX = 3;
const AXIS = 18;
const PAD = 8;

export function initTimeline(app: App): void {
  const root = byId('timeline');
  const play = h('button', { type: 'button', id: 'play', 'aria-pressed': 'false', class: 'primary' }, '▶ Play');
  const info = h('span', { class: 'timeline-info', id: 'timeline-info' });
  const clearBtn = h('button', { type: 'button', class: 'link', id: 'clear-window' }, 'Clear the window');
  const svg = s('svg', { class: 'histogram', role: 'img', height: HEIGHT, 'aria-labelledby': 'timeline-info' });
  const spansSvg = s('svg', { class: 'spans', id: 'timeline-spans', height: SPAN_ROW, 'aria-label': 'Each action as its span' });
  root.append(
    h('div', { class: 'timeline-head' }, h('h2', { class: 'inline' }, 'Timeline'), play, info, clearBtn),
    h('div', { class: 'histogram-wrap' }, svg, spansSvg),
  );
  // Placed and marked once per load; a redraw (resize, window drag) only maps them to x.
  let spans: { e: EdgeData; at: Placed; marks: { uncertain: boolean; approximate: boolean }; when: string }[] = [];
  /** What the strip was last drawn for: it changes with the loaded actions and the width only. */
  let spansDrawn: { w: number; spans: unknown } = { w: -1, spans: null };
  let binnedFor: { timeline: unknown; layers: string } = { timeline: null, layers: '' };
  spansSvg.addEventListener('click', (ev) => {
    const id = (ev.target as Element).getAttribute('data-id');
    if (id) app.store.update((st) => select(st, { kind: 'action', id }));
  });
  // The date being played, on the picture itself, where the eye is while the actions appear.
  const playDate = h('div', { id: 'play-date', class: 'play-date', hidden: true, 'aria-hidden': 'true' });
  byId('graph-wrap').append(playDate);
  const replay = player(
    () => app.cy,
    (id) => app.nameOf(id),
  );
  let bins: Bins = { unit: 'day', bins: [], undated: 0 };
  let cursor: string | null = null;

  const width = () => Math.max(200, svg.getBoundingClientRect().width || root.clientWidth - 16);
  const xOf = (i: number, w: number) => PAD + (i * (w - 2 * PAD)) / Math.max(1, bins.bins.length);
  const indexAt = (x: number, w: number) =>
    Math.max(0, Math.min(bins.bins.length - 1, Math.floor(((x - PAD) * bins.bins.length) / (w - 2 * PAD))));

  const windowRange = (st: ViewState): [number, number] | null => {
    if (!st.from && !st.to) return null;
    const a = st.from ? parseDate(st.from) : null;
    const b = st.to ? parseDate(st.to) : null;
    const start = a && isParsedDate(a) ? a.start : -Infinity;
    const end = b && isParsedDate(b) ? b.end : Infinity;
    const first = bins.bins.findIndex((bin) => bin.end >= start);
    let last = -1;
    bins.bins.forEach((bin, i) => void (bin.start <= end && (last = i)));
    return first === -1 || last < first ? null : [first, last];
  };

  const draw = (st: ViewState, drag?: [number, number]) => {
    const w = width();
    svg.setAttribute('width', String(w));
    svg.setAttribute('viewBox', `0 0 ${w} ${HEIGHT}`);
    const max = Math.max(1, ...bins.bins.map((b) => b.precise + b.imprecise));
    const barH = HEIGHT - AXIS - 6;
    const win = drag ?? windowRange(st);
    const bw = (w - 2 * PAD) / Math.max(1, bins.bins.length);
    const parts: SVGElement[] = [];
    if (win)
      parts.push(
        s('rect', { class: 'window', x: xOf(win[0], w), y: 0, width: xOf(win[1] + 1, w) - xOf(win[0], w), height: HEIGHT - AXIS + 2 }),
      );
    bins.bins.forEach((b, i) => {
      const inside = !win || (i >= win[0] && i <= win[1]);
      const x = xOf(i, w) + Math.min(1, bw * 0.1);
      const bwid = Math.max(1, bw - Math.min(2, bw * 0.2));
      const hp = (b.precise / max) * barH;
      const hi = (b.imprecise / max) * barH;
      const y0 = HEIGHT - AXIS;
      const title = `${shortDate(b.text)}: ${plural(b.precise + b.imprecise, 'action')}${b.imprecise ? ` (${b.imprecise} dated only to the ${bins.unit === 'day' ? 'month or year' : 'year'})` : ''}`;
      if (hp) parts.push(s('rect', { class: inside ? 'bar' : 'bar out', x, y: y0 - hp, width: bwid, height: hp }, s('title', {}, title)));
      if (hi)
        parts.push(
          s('rect', { class: inside ? 'bar vague' : 'bar vague out', x, y: y0 - hp - hi, width: bwid, height: hi }, s('title', {}, title)),
        );
    });
    const every = Math.max(1, Math.ceil(bins.bins.length / Math.max(1, Math.floor(w / 90))));
    bins.bins.forEach((b, i) => {
      if (i % every !== 0) return;
      const x = xOf(i, w) + 1;
      if (x > w - 70 && i !== 0) return; // no room for a label at the right edge
      parts.push(s('text', { class: 'tick', x, y: HEIGHT - 4 }, shortDate(b.text)));
    });
    parts.push(s('line', { class: 'axis', x1: PAD, x2: w - PAD, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS }));
    if (cursor) {
      const p = binParse(cursor);
      const i = p ? bins.bins.findIndex((b) => p.start >= b.start && p.start <= b.end) : -1;
      if (i >= 0) parts.push(s('line', { class: 'cursor', x1: xOf(i + 0.5, w), x2: xOf(i + 0.5, w), y1: 0, y2: HEIGHT - AXIS }));
    }
    svg.replaceChildren(...parts);
    drawSpans(w);
  };

  /** x of a wall-clock instant on the bins' axis (months and years are not all alike long). */
  const xOfTime = (t: number, w: number): number => {
    const list = bins.bins;
    if (!list.length) return PAD;
    if (t < list[0]!.start) return PAD;
    if (t > list[list.length - 1]!.end) return xOf(list.length, w);
    const i = list.findIndex((b) => t <= b.end);
    const b = list[i]!;
    return xOf(i + (t - b.start) / (b.end - b.start + 1), w);
  };

  const drawSpans = (w: number) => {
    if (spansDrawn.w === w && spansDrawn.spans === spans) return;
    spansDrawn = { w, spans };
    // Rows packed greedily in timeline order: a span goes in the first row where it overlaps nothing.
    const rowEnds: number[] = [];
    const parts: SVGElement[] = [];
    for (const { e, at, marks, when } of spans) {
      const x1 = xOfTime(at.start, w);
      const x2 = Math.max(x1 + MIN_SPAN_PX, xOfTime(at.end, w));
      let row = rowEnds.findIndex((end) => end < x1 - 1);
      if (row === -1) row = rowEnds.length < MAX_SPAN_ROWS ? rowEnds.length : MAX_SPAN_ROWS - 1;
      rowEnds[row] = Math.max(rowEnds[row] ?? 0, x2);
      const cls = [
        'span-bar',
        x2 - x1 <= MIN_SPAN_PX ? 'point' : '',
        marks.uncertain ? 'uncertain' : '',
        marks.approximate ? 'approximate' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const title = `${app.nameOf(e.source)} ${e.label} ${app.nameOf(e.target)}: ${when}${marks.approximate ? ' (approximate)' : ''}${marks.uncertain ? ' (uncertain)' : ''}`;
      const bar = s(
        'rect',
        { class: cls, 'data-id': e.id, x: x1, y: row * SPAN_ROW + 1, width: x2 - x1, height: SPAN_ROW - 2, rx: 1 },
        s('title', {}, title),
      );
      parts.push(bar);
    }
    const height = Math.max(1, rowEnds.length) * SPAN_ROW;
    spansSvg.setAttribute('width', String(w));
    spansSvg.setAttribute('height', String(height));
    spansSvg.setAttribute('viewBox', `0 0 ${w} ${height}`);
    spansSvg.replaceChildren(...parts);
  };

  const describe = (st: ViewState) => {
    const dated = bins.bins.reduce((n, b) => n + b.precise + b.imprecise, 0);
    const range = bins.bins.length ? `${shortDate(bins.bins[0]!.text)} to ${shortDate(bins.bins[bins.bins.length - 1]!.text)}` : '';
    const win =
      st.from || st.to
        ? ` · window ${st.from ? shortDate(st.from) : '…'} – ${st.to ? shortDate(st.to) : '…'}`
        : ' · drag over the bars to choose a window';
    fill(
      info,
      dated
        ? `${plural(dated, 'dated action')} from ${range}${bins.undated ? `, ${bins.undated} undated` : ''}${win}`
        : 'No dated action to show.',
    );
    clearBtn.hidden = !(st.from || st.to);
  };

  // Dragging a window: from an empty spot makes a new one; from inside the window moves it.
  let dragging: { mode: 'new' | 'move'; x0: number; a: number; b: number; moved: boolean } | null = null;
  svg.addEventListener('pointerdown', (e) => {
    if (!bins.bins.length) return;
    const w = width();
    const x = e.offsetX;
    const i = indexAt(x, w);
    const win = windowRange(app.state);
    const inside = win && i >= win[0] && i <= win[1] && !(win[0] === 0 && win[1] === bins.bins.length - 1);
    dragging = inside ? { mode: 'move', x0: x, a: win[0], b: win[1], moved: false } : { mode: 'new', x0: x, a: i, b: i, moved: false };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', (e) => {
    if (!dragging) return;
    const w = width();
    if (Math.abs(e.offsetX - dragging.x0) > 3) dragging.moved = true;
    if (dragging.mode === 'new') {
      dragging.b = indexAt(e.offsetX, w);
      draw(app.state, [Math.min(dragging.a, dragging.b), Math.max(dragging.a, dragging.b)]);
    } else {
      const shift = indexAt(e.offsetX, w) - indexAt(dragging.x0, w);
      const len = dragging.b - dragging.a;
      const a = Math.max(0, Math.min(bins.bins.length - 1 - len, dragging.a + shift));
      draw(app.state, [a, a + len]);
      (dragging as { shifted?: number }).shifted = a;
    }
  });
  svg.addEventListener('pointerup', (e) => {
    if (!dragging) return;
    const d = dragging;
    dragging = null;
    svg.releasePointerCapture(e.pointerId);
    let a = Math.min(d.a, d.b);
    let b = Math.max(d.a, d.b);
    if (d.mode === 'move') {
      if (!d.moved) return draw(app.state);
      const shifted = (d as { shifted?: number }).shifted ?? d.a;
      b = shifted + (d.b - d.a);
      a = shifted;
    }
    const from = bins.bins[a]?.text ?? null;
    const to = bins.bins[b]?.text ?? null;
    app.store.update((st) => setWindow(st, from, to, compareDateTexts));
  });

  const stop = () => {
    replay.stop();
    cursor = null;
    playDate.hidden = true;
    play.textContent = '▶ Play';
    play.setAttribute('aria-pressed', 'false');
    draw(app.state);
  };
  play.addEventListener('click', () => {
    if (replay.playing()) return stop();
    play.textContent = '■ Stop';
    play.setAttribute('aria-pressed', 'true');
    replay.start((step) => {
      cursor = step.date;
      playDate.hidden = false;
      playDate.textContent = formatDate(step.date, false);
      playDate.dataset.start = String(step.start);
      playDate.dataset.ids = step.ids.join(',');
      draw(app.state);
    }, stop);
  });
  app.onState((st) => (clearBtn.hidden = !(st.from || st.to)));
  clearBtn.addEventListener('click', () => app.store.update((st) => setWindow(st, null, null, compareDateTexts)));

  app.onView((st) => {
    if (replay.playing()) stop();
    const shown = (id: string) => {
      const n = app.graph.nodes.get(id);
      return !n || app.actorShown(n.layer, st.layers);
    };
    // Binned and placed again only when the loaded actions or the layers shown change.
    const forKey = { timeline: app.timeline, layers: st.layers.join(',') };
    if (forKey.timeline !== binnedFor.timeline || forKey.layers !== binnedFor.layers) {
      binnedFor = forKey;
      const actions = app.timeline.filter((e) => shown(e.source) && shown(e.target));
      bins = binDates(actions);
      spans = actions
        .flatMap((e) => {
          const at = e.date ? binParse(e.date, e.timezone) : null;
          return at ? [{ e, at, marks: dateMarks(e.date, e.timezone), when: formatWhen(e.date, e.timezone) }] : [];
        })
        .sort((a, b) => timelineOrder(a.e, b.e));
    }
    play.disabled = !modeOf(st.mode).drawing || bins.bins.length === 0;
    describe(st);
    draw(st);
  });
  new ResizeObserver(() => draw(app.state)).observe(root);
}
