/** Changes of the view state that the chains mode offers (its picker and list, an actor's details). */
import { patchMode, setMode } from '../../state/reducers';
import type { ViewState } from '../../state/types';

/** Shows the chains from an actor, the one at `index` drawn. */
export function showChains(s: ViewState, actor: string | null, index = 0): ViewState {
  return setMode(patchMode(s, 'chain', { actor, index }), 'chain');
}
