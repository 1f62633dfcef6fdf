/**
 * Deterministic synthetic graphs for benchmarks: a fixed seed, a skewed degree distribution (a few
 * hubs, many small actors, as in real platform graphs) and dates spread over years.
 */
import {
  ACTION_TYPE_IDS,
  ACTOR_KINDS,
  INTERCHANGE_FORMAT,
  LAYERS,
  type Action,
  type Actor,
  type InterchangeDocument,
  type Source,
} from '../contract';

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
      citations: [
        { source: sources[i % sourceCount]!.id, stance: status === 'alleged' || status === 'disputed' ? 'reports-claim' : 'states' },
      ],
    };
    if (status === 'alleged' || status === 'disputed') action.claimedBy = [action.from];
    if (status === 'disputed') action.disputedBy = [action.to];
    actions.push(action);
  }
  return { format: INTERCHANGE_FORMAT, actors, sources, actions };
}

/** The sizes of the issue: S, M, L (actors / actions). */
export const SIZES = {
  S: { actors: 1_000, actions: 6_000 },
  M: { actors: 10_000, actions: 60_000 },
  L: { actors: 100_000, actions: 600_000 },
} as const;
export type SizeName = keyof typeof SIZES;

export interface Probe {
  id: string;
  degree: number;
}

/** The actors each query is aimed at, chosen from the data alone so every run picks the same. */
export interface Probes {
  /** Median degree (actors sorted by degree, then id; the middle one). */
  ordinary: Probe;
  /** The next actor in that order: the other end of the shortest-path query. */
  ordinary2: Probe;
  /** Maximum degree (ties: the smallest id). */
  hub: Probe;
  /**
   * Up to 1,000 actors around the median degree (half the actors at most), for queries asked of a
   * different actor each time: more than the server keeps (64 computed answers, 256 answer
   * bodies), so each is computed afresh, as when analysts explore.
   */
  ordinaries: string[];
  /** Degree distribution, for the report. */
  degrees: { min: number; median: number; p90: number; p99: number; max: number; mean: number };
}

export function degreesOf(doc: InterchangeDocument): Map<string, number> {
  const deg = new Map<string, number>();
  for (const a of doc.actors ?? []) deg.set(a.id, 0);
  for (const a of doc.actions ?? []) {
    deg.set(a.from, (deg.get(a.from) ?? 0) + 1);
    deg.set(a.to, (deg.get(a.to) ?? 0) + 1);
  }
  return deg;
}

export function pickProbes(doc: InterchangeDocument): Probes {
  const deg = degreesOf(doc);
  const sorted = [...deg.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (sorted.length < 3) throw new Error('pickProbes needs at least 3 actors');
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number): Probe => ({ id: sorted[i]![0], degree: sorted[i]![1] });
  let hubIndex = sorted.length - 1;
  while (hubIndex > 0 && sorted[hubIndex - 1]![1] === sorted[hubIndex]![1]) hubIndex--;
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]![1];
  const total = sorted.reduce((n, [, d]) => n + d, 0);
  return {
    ordinary: at(mid),
    ordinary2: at(mid + 1),
    hub: at(hubIndex),
    ordinaries: sorted
      .slice(mid - Math.min(500, Math.floor(sorted.length / 4)), mid + Math.min(500, Math.floor(sorted.length / 4)))
      .map(([id]) => id),
    degrees: {
      min: sorted[0]![1],
      median: q(0.5),
      p90: q(0.9),
      p99: q(0.99),
      max: sorted[sorted.length - 1]![1],
      mean: Math.round((total / sorted.length) * 10) / 10,
    },
  };
}

/**
 * The document cut into import bodies of at most `maxBytes` of JSON each (the API takes 10 MB):
 * actors first, then sources, then actions, so every reference resolves in the store or the body.
 */
export function importBatches(doc: InterchangeDocument, maxBytes = 8 * 1024 * 1024): { body: string; actions: number; records: number }[] {
  const out: { body: string; actions: number; records: number }[] = [];
  const head = `{"format":${JSON.stringify(doc.format)}`;
  let parts: Record<'actors' | 'sources' | 'actions', string[]> = { actors: [], sources: [], actions: [] };
  let bytes = head.length + 64;
  const flush = () => {
    const records = parts.actors.length + parts.sources.length + parts.actions.length;
    if (records === 0) return;
    const body = `${head}${(['actors', 'sources', 'actions'] as const)
      .filter((k) => parts[k].length)
      .map((k) => `,"${k}":[${parts[k].join(',')}]`)
      .join('')}}`;
    out.push({ body, actions: parts.actions.length, records });
    parts = { actors: [], sources: [], actions: [] };
    bytes = head.length + 64;
  };
  for (const key of ['actors', 'sources', 'actions'] as const) {
    for (const record of doc[key] ?? []) {
      const text = JSON.stringify(record);
      if (bytes + text.length + 1 > maxBytes) flush();
      parts[key].push(text);
      bytes += text.length + 1;
    }
  }
  flush();
  return out;
}
