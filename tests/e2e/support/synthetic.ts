/** A synthetic interchange v1 document of a given size, the same for the same arguments. */
import { ACTION_TYPE_IDS, LAYERS, STATUSES, type InterchangeDocument } from '../../../contract';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticDocument(actors: number, actions: number, seed = 7): InterchangeDocument {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const kinds = ['company', 'platform', 'app', 'person', 'group', 'media'] as const;
  const doc: InterchangeDocument = { format: 'deplatforming-graph/v2', actors: [], sources: [], actions: [] };
  for (let i = 0; i < 40; i++)
    doc.sources!.push({ id: `syn-src-${i}`, title: `Synthetic source ${i}`, url: `https://example.org/syn/${i}`, published: '2021' });
  for (let i = 0; i < actors; i++) {
    doc.actors!.push({ id: `syn-${i}`, name: `Synthetic actor ${i}`, kind: pick(kinds), ...(rnd() < 0.85 ? { layer: pick(LAYERS) } : {}) });
  }
  // Clustered: most actions stay within a community of ~50 actors, some cross.
  for (let i = 0; i < actions; i++) {
    const a = Math.floor(rnd() * actors);
    const near = rnd() < 0.8;
    let b = near ? Math.floor(a / 50) * 50 + Math.floor(rnd() * 50) : Math.floor(rnd() * actors);
    if (b >= actors) b = actors - 1;
    if (b === a) b = (a + 1) % actors;
    const status = pick(STATUSES);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    doc.actions!.push({
      id: `syn-act-${i}`,
      type: pick(ACTION_TYPE_IDS),
      from: `syn-${a}`,
      to: `syn-${b}`,
      date: `${2019 + Math.floor(rnd() * 4)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      status,
      ...(status === 'alleged' || status === 'disputed' ? { claimedBy: [`syn-${a}`] } : {}),
      ...(status === 'disputed' ? { disputedBy: [`syn-${b}`] } : {}),
      summary: `Synthetic action ${i}.`,
      citations: [{ source: `syn-src-${i % 40}`, stance: status === 'alleged' || status === 'disputed' ? 'reports-claim' : 'states' }],
    });
  }
  return doc;
}
