/**
 * Deterministic synthetic graphs for benchmarks: a fixed seed, a skewed degree distribution (a few
 * hubs, many small actors, as in real platform graphs) and dates spread over years.
 */
import { ACTION_TYPE_IDS, ACTOR_KINDS, LAYERS, type Action, type Actor, type InterchangeDocument, type Source } from '../server/domain';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  actors: number;
  actions: number;
  seed?: number;
  sources?: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function generateGraph({ actors: nActors, actions: nActions, seed = 42, sources: nSources }: GenerateOptions): InterchangeDocument {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const actors: Actor[] = [];
  for (let i = 0; i < nActors; i++) {
    actors.push({
      id: `actor-${pad(i, 6)}`,
      name: `Actor ${i} ${pick(['Cloud', 'Social', 'Pay', 'News', 'Court', 'Store'])}`,
      kind: pick(ACTOR_KINDS),
      layer: pick(LAYERS),
      aliases: [`A${i}`],
    });
  }
  const sourceCount = nSources ?? Math.max(5, Math.floor(nActions / 20));
  const sources: Source[] = [];
  for (let i = 0; i < sourceCount; i++) {
    sources.push({ id: `source-${pad(i, 6)}`, title: `Report ${i}`, publisher: `Outlet ${i % 50}`, kind: 'news', published: '2020-06-01' });
  }
  // Zipf-like choice of actors: low indices are hubs.
  const skewed = () => Math.min(nActors - 1, Math.floor(Math.pow(rand(), 2.5) * nActors));
  const actions: Action[] = [];
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  for (let i = 0; i < nActions; i++) {
    const from = skewed();
    let to = Math.floor(rand() * nActors);
    if (to === from) to = (to + 1) % nActors;
    const day = new Date(start + Math.floor(rand() * span)).toISOString().slice(0, 10);
    const precision = rand();
    const date = precision < 0.05 ? day.slice(0, 4) : precision < 0.15 ? day.slice(0, 7) : day;
    const status = pick(['confirmed', 'reported', 'alleged', 'disputed'] as const);
    const action: Action = {
      id: `action-${pad(i, 7)}`,
      type: pick(ACTION_TYPE_IDS),
      from: actors[from]!.id,
      to: actors[to]!.id,
      date,
      status,
      summary: `Synthetic action ${i}`,
      sourceIds: [sources[i % sourceCount]!.id],
    };
    if (status === 'alleged' || status === 'disputed') action.claimedBy = [action.from];
    if (status === 'disputed') action.disputedBy = [action.to];
    actions.push(action);
  }
  return { format: 'deplatforming-graph/v1', actors, sources, actions };
}
