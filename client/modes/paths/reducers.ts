/** Changes of the view state that the paths mode offers (its pickers, an actor's details). */
import { patchMode, setMode } from '../../state/reducers';
import type { ViewState } from '../../state/types';

/** Shows the paths between two actors. */
export function setPathEnds(s: ViewState, src: string | null, dst: string | null): ViewState {
  return setMode(patchMode(s, 'paths', { src, dst }), 'paths');
}
