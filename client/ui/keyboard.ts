/**
 * The keyboard: page shortcuts (`/` search, number keys for the views, `?` lists them) and a way
 * through the drawing without a pointer. With the drawing focused, the arrow keys move to the
 * neighbour lying most nearly that way, `]` and `[` step through the current actor's actions,
 * Enter opens the details of what is current, Escape lets it go. Each move is said through the
 * page's live region, since a screen reader cannot see the canvas.
 */
import type { NodeSingular, SingularElementArgument } from 'cytoscape';
import type { App } from '../app';
import { shownElements } from '../graph/cy';
import { MODES, modeOf } from '../modes/registry';
import { select, setMode } from '../state/reducers';
import { announce, byId, h } from './dom';
import { formatDate } from './format';

const SHORTCUTS: [string, string][] = [
  ['/', 'Find an actor (the search box)'],
  ...MODES.map((m, i): [string, string] => [String(i + 1), `The ${m.label} view`]),
  ['g', 'Go to the drawing'],
  ['?', 'This list'],
  ['Arrow keys', 'In the drawing: move to the neighbour that way'],
  ['] and [', 'In the drawing: the next or previous action of the current actor'],
  ['Enter', 'In the drawing: open the details of the current actor or action'],
  ['Escape', 'Close a dialog; in the drawing, let go of the current element'],
];

/** Typing in a field, or a dialog open: the page's shortcuts stay out of the way. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.isContentEditable || !!el.closest('dialog');
}

function shortcutsDialog(): HTMLDialogElement {
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  const dialog = h(
    'dialog',
    { id: 'shortcuts-dialog', class: 'shortcuts-dialog edit-dialog', 'aria-labelledby': 'shortcuts-title' },
    h('div', { class: 'dialog-head' }, h('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'), close),
    h('div', { class: 'dialog-body' }, h('dl', {}, ...SHORTCUTS.flatMap(([k, what]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, what)]))),
  );
  close.addEventListener('click', () => dialog.close());
  document.body.append(dialog);
  return dialog;
}

const DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

/**
 * The actor that way from `from`: among its drawn neighbours if any lies within 80° of the
 * direction, else among all drawn actors, nearest first with the angle weighing in.
 */
function toward(from: NodeSingular, dir: { x: number; y: number }, actors: cytoscape.NodeCollection): NodeSingular | null {
  const p = from.position();
  const score = (n: NodeSingular): number | null => {
    const q = n.position();
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const dist = Math.hypot(dx, dy);
    if (dist === 0) return null;
    const cos = (dx * dir.x + dy * dir.y) / dist;
    if (cos < Math.cos((80 * Math.PI) / 180)) return null;
    return dist * (2 - cos);
  };
  const best = (pool: cytoscape.NodeCollection): NodeSingular | null => {
    let pick: NodeSingular | null = null;
    let low = Infinity;
    pool.forEach((n) => {
      if (n.same(from)) return;
      const v = score(n);
      if (v !== null && v < low) [pick, low] = [n, v];
    });
    return pick;
  };
  const neighbours = from.neighborhood('node.actor').intersection(actors);
  return best(neighbours) ?? best(actors);
}

export function initKeyboard(app: App): void {
  const container = byId('cy');
  container.tabIndex = 0;
  container.setAttribute('role', 'application');
  container.setAttribute('aria-roledescription', 'graph drawing');
  container.setAttribute('aria-describedby', 'cy-keys');
  container.after(
    h(
      'p',
      { id: 'cy-keys', class: 'visually-hidden' },
      'Arrow keys move between actors, ] and [ step through the actions of the current actor, Enter opens its details. Press ? for every shortcut.',
    ),
  );
  let dialog: HTMLDialogElement | null = null;
  let current: SingularElementArgument | null = null;

  const mark = (el: SingularElementArgument | null) => {
    if (current && current.inside()) current.removeStyle('overlay-color overlay-opacity overlay-padding');
    current = el;
    if (!el) return;
    // A style bypass rather than a class: the stylesheet is the drawing's own (client/graph).
    el.style({ 'overlay-color': '#0b57d0', 'overlay-opacity': 0.28, 'overlay-padding': 6 });
    const cy = app.cy;
    const bb = el.renderedBoundingBox({});
    if (bb.x1 < 0 || bb.y1 < 0 || bb.x2 > cy.width() || bb.y2 > cy.height()) cy.center(el);
  };

  const describe = (el: SingularElementArgument): string => {
    if (el.isNode()) {
      const n = el;
      const acts = n.connectedEdges('.action').intersection(shownElements(app.cy)).length;
      const near = n.neighborhood('node.actor').intersection(shownElements(app.cy)).length;
      return `${n.data('label') as string}, ${acts} ${acts === 1 ? 'action' : 'actions'} with ${near} ${near === 1 ? 'actor' : 'actors'} drawn. Enter for details.`;
    }
    const e = el;
    const date = e.data('date') as string | undefined;
    return `${app.nameOf(e.source().id())} ${e.data('label') as string} ${app.nameOf(e.target().id())}, ${date ? formatDate(date, false) : 'undated'}. Enter for details.`;
  };

  const go = (el: SingularElementArgument | null) => {
    if (!el) return;
    mark(el);
    announce(describe(el));
  };

  const actors = () => shownElements(app.cy).nodes('.actor');

  /** Where a walk starts: the selection if drawn, else the focus, else the actor nearest the top left. */
  const start = (): SingularElementArgument | null => {
    const s = app.state;
    const shown = shownElements(app.cy);
    if (s.sel) {
      const sel = app.cy.getElementById(s.sel.id);
      if (sel.nonempty() && shown.contains(sel)) return sel;
    }
    if (s.focus) {
      const f = app.cy.getElementById(s.focus);
      if (f.nonempty() && shown.contains(f)) return f;
    }
    let pick: NodeSingular | null = null;
    let low = Infinity;
    actors().forEach((n) => {
      const p = n.position();
      if (p.x + p.y < low) [pick, low] = [n, p.x + p.y];
    });
    return pick;
  };

  const stillDrawn = (el: SingularElementArgument | null) => !!el && el.inside() && shownElements(app.cy).contains(el);

  container.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (!stillDrawn(current)) current = null;
    const dir = DIRECTIONS[ev.key];
    if (dir) {
      ev.preventDefault();
      if (!current) return go(start());
      const from = current.isNode() ? current : current.source();
      const next = toward(from, dir, actors());
      if (next) go(next);
      else announce('No actor that way.');
    } else if (ev.key === ']' || ev.key === '[') {
      ev.preventDefault();
      if (!current) return go(start());
      const node = current.isNode() ? current : current.source();
      const edges = node
        .connectedEdges('.action')
        .intersection(shownElements(app.cy))
        .sort((a, b) => String(a.data('date') ?? '~').localeCompare(String(b.data('date') ?? '~')) || (a.id() < b.id() ? -1 : 1));
      if (edges.empty()) return announce(`${node.data('label') as string} has no action drawn.`);
      const at = current.isEdge() ? edges.toArray().findIndex((e) => e.same(current!)) : -1;
      const step = ev.key === ']' ? 1 : -1;
      const i = at < 0 ? (step > 0 ? 0 : edges.length - 1) : (at + step + edges.length) % edges.length;
      go(edges[i]!);
    } else if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      if (!current) return go(start());
      const sel = { kind: current.isNode() ? ('actor' as const) : ('action' as const), id: current.id() };
      app.store.update((s) => select(s, sel));
      announce(
        `Details of ${current.isNode() ? (current.data('label') as string) : describe(current).replace(/ Enter for details\.$/, '')} are shown beside the drawing.`,
      );
    } else if (ev.key === 'Escape' && current) {
      mark(null);
      announce('Nothing current in the drawing.');
    }
  });
  container.addEventListener('focus', () => {
    if (!stillDrawn(current)) current = null;
    if (!current)
      announce(`The drawing: ${actors().length} actors. Arrow keys move between them, Enter opens details, ? lists the shortcuts.`);
  });
  container.addEventListener('blur', () => mark(null));

  document.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.defaultPrevented || typing(ev.target)) return;
    if (ev.key === '/') {
      ev.preventDefault();
      byId<HTMLInputElement>('search-input').focus();
    } else if (ev.key === '?') {
      ev.preventDefault();
      dialog ??= shortcutsDialog();
      if (!dialog.open) dialog.showModal();
    } else if (ev.key === 'g') {
      if (!modeOf(app.state.mode).drawing) return;
      ev.preventDefault();
      container.focus();
    } else if (/^[1-9]$/.test(ev.key)) {
      const mode = MODES[Number(ev.key) - 1];
      if (!mode) return;
      ev.preventDefault();
      app.store.update((s) => setMode(s, mode.id));
      announce(`${mode.label} view.`);
    }
  });
}
