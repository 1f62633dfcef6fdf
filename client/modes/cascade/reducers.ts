/** Changes of the view state that the cascade mode offers. */
import { patchMode } from '../../state/reducers';
import type { ViewState } from '../../state/types';

export function setCascadeTarget(s: ViewState, target: string | null): ViewState {
  return patchMode(s, 'cascade', { target });
}

/** The actor the cascade is drawn for: the one chosen, else the focus, else the selected actor. */
export function cascadeTarget(s: ViewState): string | null {
  return s.modes.cascade.target ?? s.focus ?? (s.sel?.kind === 'actor' ? s.sel.id : null);
}
