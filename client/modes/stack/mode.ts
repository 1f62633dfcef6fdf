/** The stack mode: actors in rows by layer, ordered in each row by date (x=date) or name (x=name). */
import { defineMode } from '../descriptor';

export type StackX = 'date' | 'name';

export interface StackState {
  x: StackX;
}

export const stack = defineMode<'stack', StackState>({
  id: 'stack',
  label: 'Stack',
  wholeGraph: false,
  drawing: true,
  initial: { x: 'date' },
  url: {
    params: ['x'],
    // Anything but `name` is the default order (never reported, as before the registry).
    read: (q) => ({ x: q.get('x') === 'name' ? 'name' : 'date' }),
    write: (s, q) => void (s.x !== 'date' && q.set('x', s.x)),
  },
});
