/**
 * Binds each registered mode to the view in its folder (client/modes/<id>/view.ts, exporting
 * `view(app)`). They are found by folder rather than listed, so that the registry stays one
 * list free of the DOM, which the URL codec and its tests read.
 */
import type { App } from '../app';
import type { ModeView } from './mode-view';
import { MODES, type ModeId } from './registry';

const found = import.meta.glob<(app: App) => ModeView>('./*/view.ts', { eager: true, import: 'view' });

/** The views, made in the registry's order; a registered mode without a view stops the start. */
export function createModeViews(app: App): Map<ModeId, ModeView> {
  const views = new Map<ModeId, ModeView>();
  for (const m of MODES) {
    const make = found[`./${m.id}/view.ts`];
    if (!make) throw new Error(`The mode "${m.id}" is registered but has no client/modes/${m.id}/view.ts.`);
    views.set(m.id, make(app));
  }
  return views;
}
