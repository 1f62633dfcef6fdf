/**
 * The graph mode: the loaded graph drawn where its actors were placed (graph/placement.ts). Its
 * state is the layout asked for (layout=) and the actors the person dragged, pinned where they
 * were let go (pin=id:x:y,…), so a shared link shows the same picture.
 */
import { ID_PATTERN } from '../../../contract';
import { defineMode } from '../descriptor';

export const LAYOUTS = ['force', 'concentric', 'layer', 'time'] as const;
export type LayoutChoice = (typeof LAYOUTS)[number];

export interface GraphState {
  layout: LayoutChoice;
  /** Actors dragged by the person: model coordinates, whole numbers. */
  pins: Record<string, { x: number; y: number }>;
}

/** More pins than this are not kept in the link (it would grow past what browsers keep). */
export const MAX_PINS = 200;

const PIN = /^([a-z0-9][a-z0-9-]{0,63}):(-?\d{1,7}):(-?\d{1,7})$/;

export const graph = defineMode<'graph', GraphState>({
  id: 'graph',
  label: 'Graph',
  wholeGraph: false,
  drawing: true,
  initial: { layout: 'force', pins: {} },
  url: {
    params: ['layout', 'pin'],
    read(q) {
      const raw = q.get('layout');
      const layout = LAYOUTS.find((l) => l === raw);
      if (raw && !layout) q.ignore('layout');
      const pins: GraphState['pins'] = {};
      let bad = false;
      for (const item of q.list('pin').slice(0, MAX_PINS)) {
        const m = PIN.exec(item);
        if (m && ID_PATTERN.test(m[1]!)) pins[m[1]!] = { x: Number(m[2]), y: Number(m[3]) };
        else bad = true;
      }
      if (bad) q.ignore('pin');
      return { layout: layout ?? 'force', pins };
    },
    write(s, q) {
      if (s.layout !== 'force') q.set('layout', s.layout);
      const pins = Object.entries(s.pins);
      if (pins.length) q.set('pin', pins.map(([id, p]) => `${id}:${Math.round(p.x)}:${Math.round(p.y)}`).join(','));
    },
  },
});
