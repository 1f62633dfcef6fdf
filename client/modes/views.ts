/**
 * Binds each registered mode to the view in its folder (client/modes/<id>/view.ts, exporting
 * `view(app)`). They are found by folder rather than listed, so that the registry stays one
 * list free of the DOM, which the URL codec and its tests read.
 *
 * Only the default mode's view is in the first bundle: it is what the bare address draws. The
 * others are chunks of their own (named mode-<id>, see vite.config.mts), fetched the first time
 * their mode is shown, so a reader who never opens the table does not download it.
 */
import type { App } from '../app';
import type { ModeView } from './mode-view';
import { DEFAULT_MODE, MODES, modeOf, type ModeId } from './registry';

type MakeView = (app: App) => ModeView;

// Globs take literals only: './graph/' must name DEFAULT_MODE's folder (checked below).
const firstView = import.meta.glob<MakeView>('./graph/view.ts', { eager: true, import: 'view' });
const onDemand = import.meta.glob<MakeView>(['./*/view.ts', '!./graph/view.ts'], { import: 'view' });

/** A view chunk that could not be fetched (offline, or a deploy replaced the hashed file). */
class ViewLoadError extends Error {
  constructor(
    readonly mode: ModeId,
    cause: unknown,
  ) {
    super(`The ${modeOf(mode).label} view could not be loaded (${(cause as Error)?.message ?? String(cause)}).`, { cause });
  }
}

/** Each mode's view, made once; a failed fetch is forgotten so that the next try fetches again. */
export class ModeViews {
  private readonly made = new Map<ModeId, ModeView>();
  private readonly pending = new Map<ModeId, Promise<ModeView>>();
  private readonly loaders = new Map<ModeId, () => Promise<MakeView>>();

  constructor(private readonly app: App) {
    const first = firstView[`./${DEFAULT_MODE}/view.ts`];
    if (!first) throw new Error(`The default mode "${DEFAULT_MODE}" must be the one views.ts puts in the first bundle.`);
    this.made.set(DEFAULT_MODE, first(app));
    for (const m of MODES) {
      if (m.id === DEFAULT_MODE) continue;
      const load = onDemand[`./${m.id}/view.ts`];
      if (!load) throw new Error(`The mode "${m.id}" is registered but has no client/modes/${m.id}/view.ts.`);
      this.loaders.set(m.id, load);
    }
  }

  /** The view if it is already made, without waiting. */
  ready(mode: ModeId): ModeView | undefined {
    return this.made.get(mode);
  }

  /** Fetches and makes the view (once); rejects with a ViewLoadError. */
  load(mode: ModeId): Promise<ModeView> {
    const done = this.made.get(mode);
    if (done) return Promise.resolve(done);
    let p = this.pending.get(mode);
    if (!p) {
      p = this.loaders.get(mode)!().then(
        (make) => {
          const v = make(this.app);
          this.made.set(mode, v);
          return v;
        },
        (e: unknown) => {
          throw new ViewLoadError(mode, e);
        },
      );
      void p.then(
        () => this.pending.delete(mode),
        () => this.pending.delete(mode),
      );
      this.pending.set(mode, p);
    }
    return p;
  }
}
