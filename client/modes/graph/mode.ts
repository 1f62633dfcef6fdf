/**
 * The graph mode: the loaded graph drawn where its actors were placed (graph/placement.ts). Its
 * state is the layout asked for (layout=), the actors the person dragged, pinned where they
 * were let go (pin=id:x:y,…), and the bundles of parallel actions they opened
 * (open=source:target:TYPE,…), so a reload or a shared link shows the same picture.
 */
import { ACTION_TYPE_IDS, ID_PATTERN } from '../../../contract';
import { defineMode } from '../descriptor';

export const LAYOUTS = ['force', 'concentric', 'layer', 'time'] as const;
export type LayoutChoice = (typeof LAYOUTS)[number];

export interface GraphState {
  layout: LayoutChoice;
  /** Actors dragged by the person: model coordinates, whole numbers. */
  pins: Record<string, { x: number; y: number }>;
  /** Bundles of parallel actions drawn one by one, by key (graph/bundles.ts: source:target:TYPE), in the order opened. */
  open: string[];
}

/** More pins (or open bundles) than this are not kept in the link (it would grow past what browsers keep). */
export const MAX_PINS = 200;
export const MAX_OPEN = 200;

const PIN = /^([a-z0-9][a-z0-9-]{0,63}):(-?\d{1,7}):(-?\d{1,7})$/;

/** Whether a text is a bundle key: two actor ids and an action type. */
function isBundleKey(key: string): boolean {
  const [source, target, type, ...rest] = key.split(':');
  return (
    rest.length === 0 &&
    ID_PATTERN.test(source ?? '') &&
    ID_PATTERN.test(target ?? '') &&
    (ACTION_TYPE_IDS as readonly string[]).includes(type ?? '')
  );
}

export const graph = defineMode<'graph', GraphState>({
  id: 'graph',
  label: 'Graph',
  wholeGraph: false,
  drawing: true,
  initial: { layout: 'force', pins: {}, open: [] },
  url: {
    params: ['layout', 'pin', 'open'],
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
      const listed = q.list('open');
      const open = [...new Set(listed.filter(isBundleKey))].slice(0, MAX_OPEN);
      if (listed.some((k) => !isBundleKey(k))) q.ignore('open');
      return { layout: layout ?? 'force', pins, open };
    },
    write(s, q) {
      if (s.layout !== 'force') q.set('layout', s.layout);
      const pins = Object.entries(s.pins);
      if (pins.length) q.set('pin', pins.map(([id, p]) => `${id}:${Math.round(p.x)}:${Math.round(p.y)}`).join(','));
      if (s.open.length) q.set('open', s.open.join(','));
    },
  },
});
