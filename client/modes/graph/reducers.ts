/** Changes of the view state that the graph mode offers. */
import { patchMode } from '../../state/reducers';
import type { ViewState } from '../../state/types';
import { MAX_OPEN, MAX_PINS, type LayoutChoice } from './mode';

/** A layout asked for: the pins go, since the person asked for the whole picture to be made again. */
export function setLayout(s: ViewState, layout: LayoutChoice): ViewState {
  return patchMode(s, 'graph', { layout, pins: {} });
}

export function clearPins(s: ViewState): ViewState {
  return Object.keys(s.modes.graph.pins).length ? patchMode(s, 'graph', { pins: {} }) : s;
}

/** Pins an actor where it was dropped; past MAX_PINS the oldest pin is let go. */
export function pinActor(s: ViewState, id: string, at: { x: number; y: number }): ViewState {
  const pins = { ...s.modes.graph.pins };
  delete pins[id];
  pins[id] = { x: Math.round(at.x), y: Math.round(at.y) };
  const ids = Object.keys(pins);
  if (ids.length > MAX_PINS) delete pins[ids[0]!];
  return patchMode(s, 'graph', { pins });
}

/** Opens a bundle of parallel actions (draws them one by one); past MAX_OPEN the first opened closes. */
export function openBundle(s: ViewState, key: string): ViewState {
  const open = s.modes.graph.open;
  if (open.includes(key)) return s;
  return patchMode(s, 'graph', { open: [...open, key].slice(-MAX_OPEN) });
}
