/**
 * The cascade view: what the layers of the stack did to one actor, over time (GET /api/cascade).
 * One lane per layer, in the order each was first reached; time runs left to right; each action
 * is drawn as its span (a point-sized mark when the span is too short to see), and response links
 * run from an action to the one that answers it. The linked actions that are not against the
 * target (a suit answering a cut-off) get a lane of their own. A summary line and an ordered list
 * say the same in text.
 */
import { DateTime } from 'luxon';
import { actionSpan, type Action, type CascadeAnswer, type CascadeEntry } from '../../../contract';
import type { App } from '../../app';
import { api, ApiError, toFilter } from '../../api';
import { typeColour } from '../../graph/palette';
import { latestRequest } from '../../latest-request';
import { filterKey, select } from '../../state/reducers';
import type { ViewState } from '../../state/types';
import { actorPicker } from '../../ui/actor-picker';
import { dateElement, dateMarks } from '../../ui/dates';
import { byId, fill, h, s } from '../../ui/dom';
import { formatDuration, formatWhen, plural } from '../../ui/format';
import { layerLabel, typeLabel } from '../../vocabulary';
import type { ModeView } from '../mode-view';
import { cascadeTarget, setCascadeTarget } from './reducers';

const LABEL_W = 150;
const ROW_H = 30;
const LANE_PAD = 8;
const AXIS_H = 28;
const BAR_H = 10;
/** Narrower than this, a span is drawn as a point-sized mark. */
const POINT_PX = 5;
const LINKED = '*linked';

interface Placed {
  action: Action;
  lane: string;
  start: number;
  end: number;
  /** An end the date leaves open, drawn to the edge. */
  openStart: boolean;
  openEnd: boolean;
  x1: number;
  x2: number;
  y: number;
}

/** Lanes in the order first reached: the entries are in timeline order. */
function laneOrder(entries: CascadeEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    const lane = e.layer ?? 'none';
    if (!out.includes(lane)) out.push(lane);
  }
  return out;
}

const TICK_STEPS: [number, string][] = [
  [3_600_000, 'd LLL HH:mm'],
  [3 * 3_600_000, 'd LLL HH:mm'],
  [6 * 3_600_000, 'd LLL HH:mm'],
  [12 * 3_600_000, 'd LLL HH:mm'],
  [86_400_000, 'd LLL'],
  [7 * 86_400_000, 'd LLL'],
  [30 * 86_400_000, 'LLL yyyy'],
  [365 * 86_400_000, 'yyyy'],
];

/** Ticks at round times of the zone, about every 110 px. */
function ticks(t0: number, t1: number, width: number, zone: string): { t: number; label: string }[] {
  const want = Math.max(2, Math.floor(width / 110));
  const [step, format] = TICK_STEPS.find(([ms]) => (t1 - t0) / ms <= want) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const unit = step >= 365 * 86_400_000 ? 'year' : step >= 30 * 86_400_000 ? 'month' : step >= 86_400_000 ? 'day' : 'hour';
  const out: { t: number; label: string }[] = [];
  let d = DateTime.fromMillis(t0, { zone }).startOf(unit);
  for (let guard = 0; d.toMillis() <= t1 && guard < 200; guard++) {
    const t = d.toMillis();
    if (t >= t0) out.push({ t, label: d.toFormat(format) });
    d = d.plus({ milliseconds: step });
    if (unit !== 'hour') d = d.startOf(unit);
  }
  return out;
}

export function view(app: App): ModeView {
  const root = byId('cascade-view');
  const request = latestRequest();
  let key = '';
  let answer: CascadeAnswer | null = null;
  const results = h('div', { id: 'cascade-results' });
  const picker = actorPicker({
    id: 'cascade-target',
    label: 'Cascade against',
    placeholder: 'an actor',
    onPick: (a) => app.store.update((st) => setCascadeTarget(st, a.id)),
  });

  const describe = (a: Action) => `${app.nameOf(a.from)} ${typeLabel(a.type)} ${app.nameOf(a.to)}`;
  const pick = (id: string) => app.store.update((st) => select(st, { kind: 'action', id }));

  const summaryLine = (ans: CascadeAnswer): HTMLElement => {
    const byId = new Map(ans.entries.map((e) => [e.action.id, e.action]));
    const { firstSanction, lastSanction, spanMs, layers } = ans.summary;
    const first = firstSanction ? byId.get(firstSanction) : undefined;
    const last = lastSanction ? byId.get(lastSanction) : undefined;
    if (!first || !last) return h('p', { id: 'cascade-summary', class: 'summary-line' }, 'No sanction against it under these filters.');
    return h(
      'p',
      { id: 'cascade-summary', class: 'summary-line' },
      h('span', { 'data-part': 'first' }, `First sanction: ${describe(first)} (${formatWhen(first.date, first.timezone)})`),
      ' · ',
      h('span', { 'data-part': 'last' }, `last: ${describe(last)} (${formatWhen(last.date, last.timezone)})`),
      ' · ',
      h(
        'span',
        { 'data-part': 'span' },
        first === last ? 'one sanction' : spanMs === null ? 'span unknown' : `${formatDuration(spanMs)} from the first to the last`,
      ),
      ' · ',
      h('span', { 'data-part': 'layers' }, `layers reached: ${layers.map((l) => layerLabel(l)).join(' → ') || 'none'}`),
    );
  };

  const drawing = (ans: CascadeAnswer, target: string): SVGSVGElement => {
    const dated = ans.entries.filter((e) => actionSpan(e.action));
    const linked = ans.linked.filter((a) => actionSpan(a));
    const lanes = laneOrder(dated);
    if (linked.length) lanes.push(LINKED);
    const spans = [...dated.map((e) => e.action), ...linked].map((a) => actionSpan(a)!);
    const finite = spans.flatMap((sp) => [sp.start, sp.end]).filter(Number.isFinite);
    let t0 = Math.min(...finite);
    let t1 = Math.max(...finite);
    if (t1 - t0 < 3_600_000) {
      t0 -= 1_800_000;
      t1 += 1_800_000;
    }
    const pad = (t1 - t0) * 0.04;
    t0 -= pad;
    t1 += pad;
    const width = Math.max(640, root.clientWidth - 24);
    const plot = width - LABEL_W - 16;
    const x = (t: number) => LABEL_W + ((Math.min(Math.max(t, t0), t1) - t0) / (t1 - t0)) * plot;

    // Rows: each action its own row in its lane, so labels never overlap.
    const placed = new Map<string, Placed>();
    const laneTop = new Map<string, { top: number; height: number }>();
    let y = AXIS_H;
    for (const lane of lanes) {
      const actions = lane === LINKED ? linked : dated.filter((e) => (e.layer ?? 'none') === lane).map((e) => e.action);
      const height = actions.length * ROW_H + 2 * LANE_PAD;
      laneTop.set(lane, { top: y, height });
      actions.forEach((a, i) => {
        const sp = actionSpan(a)!;
        placed.set(a.id, {
          action: a,
          lane,
          start: sp.start,
          end: sp.end,
          openStart: !Number.isFinite(sp.start),
          openEnd: !Number.isFinite(sp.end),
          x1: x(sp.start),
          x2: x(sp.end),
          y: y + LANE_PAD + i * ROW_H + ROW_H / 2,
        });
      });
      y += height;
    }
    const height = y + 4;
    const zone = dated.find((e) => e.action.timezone)?.action.timezone ?? 'UTC';
    const parts: SVGElement[] = [
      s(
        'defs',
        {},
        s(
          'marker',
          { id: 'cascade-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
          s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }),
        ),
      ),
    ];
    lanes.forEach((lane, i) => {
      const box = laneTop.get(lane)!;
      parts.push(
        s(
          'g',
          { class: `lane${i % 2 ? ' odd' : ''}`, 'data-layer': lane === LINKED ? 'linked' : lane },
          s('rect', { class: 'lane-bg', x: 0, y: box.top, width, height: box.height }),
          s(
            'text',
            { class: 'lane-label', x: 6, y: box.top + 16 },
            lane === LINKED ? 'Linked actions' : layerLabel(lane === 'none' ? undefined : lane),
          ),
          lane === LINKED ? s('text', { class: 'lane-note', x: 6, y: box.top + 30 }, `not against ${app.nameOf(target)}`) : null,
        ),
      );
    });
    for (const tk of ticks(t0, t1, plot, zone)) {
      const tx = x(tk.t);
      parts.push(
        s('line', { class: 'tick-line', x1: tx, x2: tx, y1: AXIS_H - 4, y2: height }),
        s('text', { class: 'tick', x: tx + 3, y: AXIS_H - 10 }, tk.label),
      );
    }
    parts.push(s('text', { class: 'axis-zone', x: 6, y: AXIS_H - 10 }, `Times in ${zone}`));
    // Response links: from the action answered (its end) to the answer (its start).
    const links: [string, string][] = [];
    for (const p of placed.values()) for (const t of p.action.respondsTo ?? []) if (placed.has(t)) links.push([t, p.action.id]);
    for (const e of dated)
      for (const r of e.responses) if (placed.has(r) && !links.some(([a, b]) => a === e.action.id && b === r)) links.push([e.action.id, r]);
    for (const [from, to] of links) {
      const a = placed.get(from)!;
      const b = placed.get(to)!;
      const ax = Math.max(a.x1, a.x2);
      const bx = Math.min(b.x1, b.x2);
      const mid = Math.max(24, Math.abs(bx - ax) / 2);
      parts.push(
        s(
          'path',
          {
            class: 'response-link',
            'data-from': from,
            'data-to': to,
            d: `M${ax},${a.y} C${ax + mid},${a.y} ${bx - mid},${b.y} ${bx},${b.y}`,
            'marker-end': 'url(#cascade-arrow)',
          },
          s('title', {}, `${describe(b.action)} responds to ${describe(a.action)}`),
        ),
      );
    }
    for (const p of placed.values()) {
      const marks = dateMarks(p.action.date, p.action.timezone);
      const point = p.x2 - p.x1 < POINT_PX;
      const cls = ['cascade-mark', point ? 'point' : 'span', marks.uncertain ? 'uncertain' : '', marks.approximate ? 'approximate' : '']
        .filter(Boolean)
        .join(' ');
      const cx = (p.x1 + p.x2) / 2;
      const fill = typeColour(p.action.type);
      const shape = point
        ? s('path', { class: 'mark-shape', fill, d: `M${cx},${p.y - 6} L${cx + 6},${p.y} L${cx},${p.y + 6} L${cx - 6},${p.y} z` })
        : s('rect', { class: 'mark-shape', fill, x: p.x1, y: p.y - BAR_H / 2, width: p.x2 - p.x1, height: BAR_H, rx: 2 });
      const right = Math.max(p.x2, cx + 6) + 6;
      const label = p.lane === LINKED ? describe(p.action) : `${typeLabel(p.action.type)} · ${app.nameOf(p.action.from)}`;
      const labelW = label.length * 6.2;
      const leftEdge = Math.min(p.x1, cx - 6) - 6;
      // Beside the mark where there is room (right, else left), else just above it.
      const where = right + labelW <= width ? 'right' : leftEdge - labelW >= LABEL_W ? 'left' : 'above';
      const g = s(
        'g',
        {
          class: cls,
          'data-id': p.action.id,
          'data-x1': Math.round(p.x1),
          'data-x2': Math.round(p.x2),
          tabindex: 0,
          role: 'button',
          // The name starts with the words drawn beside the mark, so speech input can say them.
          'aria-label': `${label === describe(p.action) ? label : `${label}: ${describe(p.action)}`}, ${formatWhen(p.action.date, p.action.timezone)}`,
        },
        s('title', {}, `${describe(p.action)}: ${formatWhen(p.action.date, p.action.timezone)}`),
        shape,
        p.openStart ? s('text', { class: 'open-end', x: p.x1 + 2, y: p.y - 7 }, '…') : null,
        p.openEnd ? s('text', { class: 'open-end', x: p.x2 - 10, y: p.y - 7 }, '…') : null,
        s(
          'text',
          where === 'above'
            ? { class: 'mark-label', x: Math.max(p.x1, LABEL_W) + 2, y: p.y - 8 }
            : {
                class: 'mark-label',
                x: where === 'left' ? leftEdge : right,
                y: p.y + 4,
                'text-anchor': where === 'left' ? 'end' : 'start',
              },
          label,
        ),
      );
      g.addEventListener('click', () => pick(p.action.id));
      g.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          pick(p.action.id);
        }
      });
      parts.push(g);
    }
    return s(
      'svg',
      {
        id: 'cascade-svg',
        class: 'cascade-svg',
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        // A group, not an image: its marks are buttons, which an image may not contain.
        role: 'group',
        'aria-label': `The cascade against ${app.nameOf(target)}: one lane per layer, time left to right`,
      },
      ...parts,
    );
  };

  const entryList = (ans: CascadeAnswer): HTMLElement =>
    h(
      'ol',
      { id: 'cascade-list', class: 'cascade-list' },
      ...ans.entries.map((e) => {
        const b = h('button', { type: 'button', class: 'link action-link', 'data-action': e.action.id }, describe(e.action));
        b.addEventListener('click', () => pick(e.action.id));
        const after =
          e.order === null
            ? 'first'
            : e.order === 'certain'
              ? 'certainly after the one before'
              : 'possibly after the one before (their spans overlap)';
        return h(
          'li',
          { 'data-id': e.action.id, 'data-order': e.order ?? 'first' },
          dateElement(e.action.date, e.action.timezone),
          ' ',
          b,
          h(
            'span',
            { class: 'meta' },
            ` · ${layerLabel(e.layer)} · ${e.sinceFirstMs === null ? '' : e.sinceFirstMs === 0 ? 'at the start · ' : `+${formatDuration(e.sinceFirstMs)} · `}${after}`,
          ),
        );
      }),
    );

  const render = (st: ViewState) => {
    const target = cascadeTarget(st);
    if (!target) {
      fill(root, h('p', { class: 'hint' }, 'Choose an actor to see which layers of the stack acted against it, and when.'));
      return;
    }
    if (!answer) return;
    const dated = answer.entries.filter((e) => e.action.date !== undefined);
    fill(
      root,
      h('h2', { class: 'cascade-title' }, `Cascade against ${app.nameOf(target)}`),
      summaryLine(answer),
      dated.length
        ? drawing(answer, target)
        : h('p', { class: 'empty' }, `No dated sanction, notice or restoration against ${app.nameOf(target)} under these filters.`),
      answer.entries.length ? h('h3', {}, `In order (${plural(answer.entries.length, 'action')})`) : null,
      answer.entries.length ? entryList(answer) : null,
    );
    const sel = st.sel?.kind === 'action' ? st.sel.id : null;
    root.querySelectorAll('.cascade-mark').forEach((g) => g.classList.toggle('picked', g.getAttribute('data-id') === sel));
  };

  return {
    show(st, prev) {
      if (prev === null) {
        root.hidden = false;
        byId('graph-wrap').hidden = true;
        fill(
          byId('tool-panel'),
          h('h2', {}, 'Cascade'),
          picker.root,
          h(
            'p',
            { class: 'hint' },
            'The sanctions, notices and restorations against one actor, a lane for each layer of the stack that acted, with the links from each action to those answering it.',
          ),
          results,
        );
      }
      const target = cascadeTarget(st);
      picker.setValue(target ? app.nameOf(target) : '');
      const k = JSON.stringify([target, filterKey(st)]);
      if (k === key && prev !== null) return render(st);
      key = k;
      answer = null;
      request.abort();
      if (!target) return render(st);
      fill(root, h('p', { class: 'loading' }, 'Loading the cascade…'));
      void request.run(
        async (signal) => {
          const ans = await api.cascade(target, toFilter(st), signal);
          const ids = [target, ...ans.entries.flatMap((e) => [e.action.from, e.action.to]), ...ans.linked.flatMap((a) => [a.from, a.to])];
          await app.ensureNames(ids);
          return ans;
        },
        (ans) => {
          answer = ans;
          fill(results, h('p', {}, `${plural(ans.entries.length, 'action')} against ${app.nameOf(target)}.`));
          picker.setValue(app.nameOf(target));
          render(app.state);
        },
        (e) => {
          key = '';
          const msg =
            e instanceof ApiError && e.status === 404
              ? `There is no actor “${target}”.`
              : `The cascade could not be loaded: ${(e as Error).message}`;
          fill(root, h('p', { class: 'error', role: 'alert' }, msg));
        },
      );
    },
    hide() {
      request.abort();
      key = '';
      answer = null;
      root.hidden = true;
      byId('graph-wrap').hidden = false;
      fill(root);
      fill(byId('tool-panel'));
      app.cy.resize();
    },
  };
}
