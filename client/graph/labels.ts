/**
 * Labels never overlap: when two drawn labels would, the less important one is hidden (class
 * `label-hidden`) and comes back on hover, or when zooming in makes room. Importance: the focus
 * and the selection, then actors by how many actions they take part in, then bundles by count,
 * then single actions by status (confirmed first). Large graphs (class `big`) keep their own rule
 * (no edge labels, node labels only when zoomed in, cy.ts).
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { STATUSES } from '../../contract';

/** Above this many drawn elements the pairwise check is left out (it grows with their square). */
const MAX_CHECKED = 1500;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const LABEL_ONLY = {
  includeNodes: false,
  includeEdges: false,
  includeLabels: true,
  includeMainLabels: true,
  includeSourceLabels: false,
  includeTargetLabels: false,
  includeOverlays: false,
  includeUnderlays: false,
} as const;

function priority(e: SingularElementArgument): number {
  if (e.hasClass('focus') || e.hasClass('picked') || e.hasClass('hl')) return 2e6;
  if (e.isNode()) return 1e5 + Number(e.data('deg') ?? 0);
  // A chain's steps after the names of its actors, earlier steps first.
  if (e.hasClass('chain-step')) return 9e4 - parseInt(String(e.data('step')), 10);
  if (e.hasClass('bundle')) return 5e4 + Number(e.data('count') ?? 0);
  const rank = STATUSES.indexOf(e.data('status') as (typeof STATUSES)[number]);
  return 1e4 - (rank < 0 ? STATUSES.length : rank);
}

/** Cytoscape's parsed style value (public, but missing from its typings). */
function pstyle(e: SingularElementArgument, name: string): { strValue?: string; pfValue?: number } {
  return (e as unknown as { pstyle(n: string): { strValue?: string; pfValue?: number } }).pstyle(name);
}

/** Whether Cytoscape draws the element's label at this zoom (min-zoomed-font-size). */
function drawnAtZoom(e: SingularElementArgument, zoom: number): boolean {
  const size = pstyle(e, 'font-size').pfValue ?? 0;
  const min = pstyle(e, 'min-zoomed-font-size').pfValue ?? 0;
  return size * zoom >= min;
}

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Hides the labels that would overlap a more important one; shows the others. */
export function declutterLabels(cy: Core): void {
  if (cy.destroyed() || cy.elements('.big').nonempty()) return;
  const shown = cy.elements('node.actor, edge.action, edge.bundle').not('.filtered, .future, .offview, .bundled');
  if (shown.length > MAX_CHECKED) return;
  const zoom = cy.zoom();
  // Measured with every label on: a hidden label has no box.
  cy.batch(() => cy.elements('.label-hidden').removeClass('label-hidden'));
  const ranked = shown
    .toArray()
    .filter((e) => (pstyle(e, 'label').strValue ?? '') !== '' && drawnAtZoom(e, zoom))
    .map((e) => ({ e, p: priority(e), box: e.boundingBox(LABEL_ONLY) }))
    .filter((r) => r.box.x2 > r.box.x1)
    .sort((a, b) => b.p - a.p || (a.e.id() < b.e.id() ? -1 : 1));
  const kept: Box[] = [];
  const hide: SingularElementArgument[] = [];
  for (const r of ranked) {
    if (kept.some((k) => overlaps(k, r.box))) hide.push(r.e);
    else kept.push(r.box);
  }
  if (hide.length) cy.batch(() => hide.forEach((e) => e.addClass('label-hidden')));
}

/**
 * Runs declutterLabels after the drawing changes: zoom, a drag let go, a layout ended;
 * `schedule` is for the other changes (a load shown, a filter, bundles opened).
 */
export function bindLabels(cy: Core): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Said on the container, so a test or a screenshot can wait for the labels to be settled.
  const mark = (v: string) => {
    const el = cy.container();
    if (el && el.dataset.labels !== v) el.dataset.labels = v;
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    mark('pending');
    timer = setTimeout(() => {
      timer = null;
      declutterLabels(cy);
      mark('checked');
    }, 80);
  };
  // Not on `add`: a large graph goes in a few hundred elements a frame, each an event; the app
  // asks (relabel) once a load is shown.
  cy.on('zoom dragfree layoutstop', schedule);
  cy.on('mouseover', 'node.label-hidden, edge.label-hidden', (e) => void (e.target as SingularElementArgument).addClass('hover'));
  cy.on('mouseout', 'node, edge', (e) => void (e.target as SingularElementArgument).removeClass('hover'));
  return schedule;
}
