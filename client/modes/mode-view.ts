/** What a mode draws: shown when it becomes the mode (or the view changes), hidden when left. */
import type { ViewState } from '../state/types';

export interface ModeView {
  /** `prev` is null when the mode was just entered or the graph was loaded again. */
  show(s: ViewState, prev: ViewState | null, dataChanged: boolean): void;
  hide(): void;
}
