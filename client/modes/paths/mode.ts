/** The paths mode: every shortest path between two actors (src=, dst=). */
import { defineMode } from '../descriptor';

export interface PathsState {
  src: string | null;
  dst: string | null;
}

export const paths = defineMode<'paths', PathsState>({
  id: 'paths',
  label: 'Paths',
  wholeGraph: true,
  drawing: true,
  initial: { src: null, dst: null },
  url: {
    params: ['src', 'dst'],
    read: (q) => ({ src: q.id('src'), dst: q.id('dst') }),
    write(s, q) {
      if (s.src) q.set('src', s.src);
      if (s.dst) q.set('dst', s.dst);
    },
  },
});
