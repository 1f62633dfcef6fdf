/** The graph mode: the fcose drawing of the loaded graph. It has no state of its own. */
import { defineMode } from '../descriptor';

export const graph = defineMode({
  id: 'graph',
  label: 'Graph',
  wholeGraph: false,
  drawing: true,
  initial: {},
  url: { params: [], read: () => ({}), write: () => undefined },
});
