/**
 * Holds the current view state, keeps it in the URL (pushState for each change the user makes,
 * so back and forward step through views) and tells subscribers what changed.
 */
import { fromQuery, toQuery } from './url';
import type { ViewState } from './types';

export type Listener = (next: ViewState, prev: ViewState) => void;

export class ViewStore {
  private state: ViewState;
  private readonly listeners: Listener[] = [];

  constructor() {
    const parsed = fromQuery(location.search);
    this.state = parsed.state;
    this.ignored = parsed.ignored;
    // Normalise the address bar without adding a history entry.
    history.replaceState(null, '', location.pathname + toQuery(this.state) + location.hash);
    window.addEventListener('popstate', () => {
      const prev = this.state;
      this.state = fromQuery(location.search).state;
      this.emit(prev);
    });
  }

  /** URL parameters that were present at start but not understood. */
  readonly ignored: string[];

  get(): ViewState {
    return this.state;
  }

  /** Applies a change; `replace` updates the URL without adding a history entry. */
  update(change: (s: ViewState) => ViewState, opts: { replace?: boolean } = {}): void {
    const prev = this.state;
    const next = change(prev);
    if (next === prev) return;
    this.state = next;
    const url = location.pathname + toQuery(next);
    if (url !== location.pathname + location.search) {
      if (opts.replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    this.emit(prev);
  }

  subscribe(fn: Listener): void {
    this.listeners.push(fn);
  }

  private emit(prev: ViewState): void {
    for (const fn of this.listeners) fn(this.state, prev);
  }
}
