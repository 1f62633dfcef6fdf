/** Changes of the view state that the stack mode offers. */
import { patchMode } from '../../state/reducers';
import type { ViewState } from '../../state/types';
import type { StackX } from './mode';

export function setStackX(s: ViewState, x: StackX): ViewState {
  return patchMode(s, 'stack', { x });
}
