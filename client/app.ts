/**
 * The controller: turns each view state into a drawing. It fetches the graph when what the data
 * depends on changes (focus, depth, expansions, the filters the server applies), lays it out off
 * the main thread, then lets the active view mode and the features sync themselves.
 */
import type { Core } from 'cytoscape';
import type { EdgeData } from '../contract';
import { api, ApiError, toFilter } from './api';
import { emptyGraph, mergeAnswers, toElements, type GraphData } from './graph/adapter';
import { fitView, getCy, quickBounds, relabel, replaceElements, shownElements } from './graph/cy';
import type { Positions } from './graph/fcose-run';
import { place } from './graph/placement';
import { nextFrame } from './ui/frames';
import { parseDateOnce } from './ui/parsed-dates';
import { latestRequest } from './latest-request';
import type { ModeView } from './modes/mode-view';
import { modeOf, type ModeId } from './modes/registry';
import type { ModeViews } from './modes/views';
import { clearFilters, clearFocus, dataKey, hasFilters, shownFocus } from './state/reducers';
import type { ViewStore } from './state/store';
import type { LayerChoice, ViewState } from './state/types';
import { plural } from './ui/format';
import { setStatus } from './ui/status';
import { announce } from './ui/dom';

/** A graph fetched, laid out and put in the drawing, not yet shown by a mode, with the times of those steps. */
interface Loaded {
  graph: GraphData;
  timeline: EdgeData[];
  positions: Positions;
  fresh: boolean;
  t0: number;
  tFetch: number;
  tLayout: number;
  tDraw: number;
}

export type ViewListener = (s: ViewState, prev: ViewState | null, dataChanged: boolean) => void;

export interface Metrics {
  /** ms from navigation start to the first graph drawn. */
  firstDraw?: number;
  /** The mode whose view was shown last (a mode fetched on demand is shown once its chunk is here). */
  shownMode?: ModeId;
  loads: { elements: number; fetchMs: number; layoutMs: number; drawMs: number; totalMs: number }[];
}

declare global {
  interface Window {
    __metrics: Metrics;
  }
}

export class App {
  graph: GraphData = emptyGraph();
  /** Actions of the graph without the date window, for the timeline. */
  timeline: EdgeData[] = [];
  /** Graph-mode positions of the loaded graph: kept places, new actors near their neighbours (graph/placement.ts). */
  fcose: Positions = {};
  /** Whether the loaded graph was laid out anew rather than drawn at kept places. */
  freshLayout = true;
  readonly names = new Map<string, string>();
  readonly metrics: Metrics = { loads: [] };
  private key: string | null = null;
  private loading: { key: string; promise: Promise<boolean> } | null = null;
  private readonly loads = latestRequest();
  private readonly listeners: ViewListener[] = [];
  private views: ModeViews | null = null;
  private shown: ModeId | null = null;

  constructor(readonly store: ViewStore) {
    window.__metrics = this.metrics;
    store.subscribe((next, prev) => void this.render(next, prev));
  }

  get cy(): Core {
    return getCy();
  }

  get state(): ViewState {
    return this.store.get();
  }

  /** The mode views; set once, before start(). */
  setViews(views: ModeViews): void {
    this.views = views;
  }

  onView(fn: ViewListener): void {
    this.listeners.push(fn);
  }

  /** Runs `fn` now and on every change of the view state, loaded or not (for controls). */
  onState(fn: (s: ViewState) => void): void {
    this.store.subscribe((s) => fn(s));
    fn(this.store.get());
  }

  start(): Promise<void> {
    return this.render(this.store.get(), null);
  }

  /** Fetches the graph again (after an edit or an import). */
  reload(): Promise<void> {
    this.key = null;
    return this.render(this.store.get(), null);
  }

  nameOf(id: string): string {
    return this.names.get(id) ?? id;
  }

  /** Looks up names not yet known (actors outside the drawn graph). */
  async ensureNames(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.names.has(id));
    await Promise.all(
      missing.map((id) =>
        api.actor(id).then(
          (a) => void this.names.set(a.id, a.name),
          () => undefined,
        ),
      ),
    );
  }

  /** Whether an actor passes the layer filter. */
  actorShown(layer: string | undefined, layers: LayerChoice[] = this.state.layers): boolean {
    return layers.length === 0 || layers.includes((layer ?? 'none') as LayerChoice);
  }

  private async render(s: ViewState, prev: ViewState | null): Promise<void> {
    const key = dataKey(s);
    let dataChanged = false;
    // A view not yet fetched is fetched beside the graph, not after it.
    let view = this.views!.ready(s.mode);
    const viewWait = view ? null : this.fetchView(s.mode);
    if (key !== this.key) {
      if (this.loading?.key !== key) {
        const promise = this.loads.run(
          (signal) => this.fetchAndLayOut(s, signal),
          (loaded) => this.draw(loaded, key),
          (e) => this.showLoadError(e, s),
        );
        this.loading = { key, promise };
        void promise.finally(() => this.loading?.promise === promise && (this.loading = null));
      }
      const ok = await this.loading.promise;
      if (this.store.get() !== s) return; // a newer view arrived while loading
      if (!ok) return;
      dataChanged = true;
      prev = null;
    }
    if (!view) {
      view = (await viewWait) ?? undefined;
      if (this.store.get() !== s || !view) return;
    }
    this.applyView(s, prev, dataChanged, view);
  }

  /** Fetches a mode's view, saying so while it comes; null (and an error shown) if it cannot be had. */
  private async fetchView(mode: ModeId): Promise<ModeView | null> {
    const label = modeOf(mode).label;
    setStatus('loading', `Loading the ${label} view…`);
    try {
      return await this.views!.load(mode);
    } catch (e) {
      if (this.store.get().mode === mode)
        setStatus('error', `${(e as Error).message} Check the connection, then try again.`, {
          label: 'Try again',
          run: () => void this.render(this.store.get(), null),
        });
      return null;
    }
  }

  private async fetchAndLayOut(s: ViewState, signal: AbortSignal): Promise<Loaded> {
    const t0 = performance.now();
    setStatus('loading', 'Loading the graph…');
    const filter = toFilter(s);
    const focus = shownFocus(s);
    const windowed = Boolean(s.from || s.to);
    const [answers, timelineAnswer] = await Promise.all([
      Promise.all([api.graph(focus, s.depth, filter, signal), ...(focus ? s.expand.map((x) => api.graph(x, 1, filter, signal)) : [])]),
      windowed ? api.graph(focus, s.depth, { ...filter, from: undefined, to: undefined }, signal) : Promise.resolve(null),
    ]);
    const graph = mergeAnswers(answers);
    for (const n of graph.nodes.values()) this.names.set(n.id, n.label);
    const tFetch = performance.now();
    if (graph.nodes.size > 0) setStatus('layout', `Laying out ${plural(graph.nodes.size, 'actor')}…`);
    const { positions, fresh } =
      graph.nodes.size > 0 ? await place(graph, s.modes.graph.layout, focus, s.modes.graph.pins) : { positions: {}, fresh: true };
    const timeline = timelineAnswer ? timelineAnswer.elements.edges.map((e) => e.data) : [...graph.edges.values()];
    const tLayout = performance.now();
    await parseDatesAhead(timeline);
    // Here, not in draw(): a large graph goes in over several frames, and a newer view aborts it.
    await replaceElements(toElements(graph), positions, signal);
    return { graph, timeline, positions, fresh, t0, tFetch, tLayout, tDraw: performance.now() };
  }

  private draw({ graph, timeline, positions, fresh, t0, tFetch, tLayout, tDraw }: Loaded, key: string): void {
    this.graph = graph;
    this.timeline = timeline;
    this.fcose = positions;
    this.freshLayout = fresh;
    if (this.shown) this.views!.ready(this.shown)?.hide();
    this.shown = null;
    this.key = key;
    this.metrics.loads.push({
      elements: graph.nodes.size + graph.edges.size,
      fetchMs: Math.round(tFetch - t0),
      layoutMs: Math.round(tLayout - tFetch),
      drawMs: Math.round(tDraw - tLayout),
      totalMs: Math.round(tDraw - t0),
    });
  }

  private showLoadError(e: unknown, s: ViewState): void {
    this.key = null;
    if (e instanceof ApiError && e.status === 404 && s.focus) {
      setStatus('error', `There is no actor “${s.focus}”.`, { label: 'Show the whole graph', run: () => this.store.update(clearFocus) });
      return;
    }
    const msg = e instanceof ApiError ? e.message : (e as Error).message;
    const down = e instanceof ApiError && (e.status === 0 || e.status >= 500);
    setStatus(
      'error',
      down ? `The graph could not be loaded: ${msg}.` : `The server refused this view: ${msg}`,
      {
        label: 'Try again',
        run: () => void this.reload(),
      },
      e instanceof ApiError ? e.details : [],
    );
  }

  private applyView(s: ViewState, prev: ViewState | null, dataChanged: boolean, view: ModeView): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes('.actor').forEach((n) => {
        n.toggleClass('filtered', !this.actorShown(n.data('layer') as string | undefined, s.layers));
        n.toggleClass('focus', n.id() === shownFocus(s));
      });
      cy.edges('.action').forEach(
        (e) => void e.toggleClass('filtered', e.source().hasClass('filtered') || e.target().hasClass('filtered')),
      );
      cy.elements('.picked').removeClass('picked');
      if (s.sel)
        cy.getElementById(s.sel.id)
          .filter(s.sel.kind === 'actor' ? 'node' : 'edge')
          .addClass('picked');
    });
    if (this.shown !== s.mode) {
      if (this.shown) this.views!.ready(this.shown)?.hide();
      this.shown = s.mode;
      prev = null;
    }
    view.show(s, prev, dataChanged);
    this.metrics.shownMode = s.mode;
    this.showEmptyOrReady(s);
    for (const fn of this.listeners) fn(s, prev, dataChanged);
    relabel();
    if (dataChanged && this.metrics.firstDraw === undefined) {
      requestAnimationFrame(() => {
        this.metrics.firstDraw = Math.round(performance.now());
      });
    }
  }

  private showEmptyOrReady(s: ViewState): void {
    const filtered = hasFilters(s);
    const clear = { label: 'Clear the filters', run: () => this.store.update(clearFilters) };
    if (this.graph.nodes.size === 0) {
      if (filtered) setStatus('empty', 'Nothing matches these filters.', clear);
      else setStatus('empty', 'The graph is empty: no actor has been added yet. Import a file (Edit) to start.');
      announce('Nothing to show.');
      return;
    }
    const shown = this.cy.nodes('.actor').not('.filtered').length;
    if (shown === 0) {
      setStatus('empty', 'No actor in the chosen layers.', clear);
      return;
    }
    setStatus('ready');
    if (modeOf(s.mode).drawing) fitIfNeeded();
  }
}

/** Fits once per draw when nothing is in view. */
function fitIfNeeded(): void {
  const cy = getCy();
  const ext = cy.extent();
  const vis = shownElements(cy).nodes('.actor');
  if (vis.empty()) return;
  const bb = quickBounds(vis);
  if (bb.x2 < ext.x1 || bb.x1 > ext.x2 || bb.y2 < ext.y1 || bb.y1 > ext.y2) fitView();
}

/**
 * Parses the timeline's dates (with and without their zone, as the strip and its labels read
 * them) a few hundred a frame, so that showing the graph only looks them up: parsed there, all
 * at once, they held the page for seconds on a large graph.
 */
async function parseDatesAhead(actions: EdgeData[]): Promise<void> {
  const PER_FRAME = 300;
  for (let i = 0; i < actions.length; i += PER_FRAME) {
    if (i > 0) await nextFrame();
    for (const e of actions.slice(i, i + PER_FRAME)) {
      if (!e.date) continue;
      parseDateOnce(e.date, e.timezone);
      parseDateOnce(e.date);
    }
  }
}
