/**
 * The browser opened as of an earlier version (`?asOf=<change number or ISO time>`): the dataset
 * is fetched once, as it was then, from /api/export?asOf=, and the graph and the details are
 * answered from it in the browser. Read only: every write is refused before it leaves.
 */
import {
  actionPredicate,
  actionTimeAnswer,
  sortTimeline,
  edgeElement,
  nodeElement,
  type Action,
  type ActionFilter,
  type ActionWithSources,
  type Actor,
  type ActorDetail,
  type GraphAnswer,
  type InterchangeDocument,
  type PageAnswer,
} from '../../../contract';

/** The asOf of the address at start; null when the browser shows the current dataset. */
export const AS_OF: string | null = (() => {
  // Through globalThis: the URL codec that keeps it in the address is also run in Node, which has no location.
  const search = (globalThis as { location?: { search: string } }).location?.search;
  if (search === undefined) return null;
  const v = new URLSearchParams(search).get('asOf');
  // A change number, or an ISO day or date-time; anything else is ignored rather than sent.
  return v && /^(\d{1,15}|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?)$/.test(v) ? v : null;
})();

interface Dataset {
  change: number;
  doc: InterchangeDocument;
  actors: Map<string, Actor>;
  actions: Map<string, Action>;
  degree: Map<string, number>;
}

let loading: Promise<Dataset> | null = null;

/** The dataset as of AS_OF, fetched once. */
export function asOfDataset(): Promise<Dataset> {
  loading ??= (async () => {
    const res = await fetch(`/api/export?format=json&asOf=${encodeURIComponent(AS_OF!)}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(body?.error?.message ?? `the server answered HTTP ${res.status}`);
    }
    const change = Number(res.headers.get('X-Dataset-Change'));
    const doc = (await res.json()) as InterchangeDocument;
    const degree = new Map<string, number>();
    for (const a of doc.actions ?? []) for (const end of [a.from, a.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
    return {
      change,
      doc,
      actors: new Map((doc.actors ?? []).map((a) => [a.id, a])),
      actions: new Map((doc.actions ?? []).map((a) => [a.id, a])),
      degree,
    };
  })();
  return loading;
}

class NotFound extends Error {
  readonly status = 404;
}

/** /api/graph as it would have answered then: the whole filtered graph, or a focus's neighbourhood. */
export async function asOfGraph(focus: string | null, depth: number, filter: ActionFilter): Promise<GraphAnswer> {
  const d = await asOfDataset();
  const passes = actionPredicate(filter, (id) => d.actors.get(id)?.layer);
  const actions = (d.doc.actions ?? []).filter(passes);
  let kept: Set<string>;
  if (focus !== null) {
    if (!d.actors.has(focus)) throw new NotFound(`there was no actor "${focus}" at this version`);
    kept = new Set([focus]);
    for (let step = 0; step < depth; step++) {
      for (const a of actions) if (kept.has(a.from) || kept.has(a.to)) [a.from, a.to].forEach((x) => kept.add(x));
    }
  } else {
    // Unfiltered: every actor, as the server's whole graph; filtered: those the actions touch.
    const filtered = actions.length !== (d.doc.actions ?? []).length;
    kept = new Set(filtered ? actions.flatMap((a) => [a.from, a.to]) : d.actors.keys());
  }
  const edges = actions.filter((a) => kept.has(a.from) && kept.has(a.to));
  return {
    elements: {
      nodes: [...kept].map((id) => nodeElement({ ...d.actors.get(id)!, degree: d.degree.get(id) ?? 0 })),
      edges: edges.map(edgeElement),
    },
    truncated: false,
  };
}

export async function asOfActor(id: string): Promise<ActorDetail> {
  const d = await asOfDataset();
  const actor = d.actors.get(id);
  if (!actor) throw new NotFound(`there was no actor "${id}" at this version`);
  const actionCounts: Record<string, number> = {};
  for (const a of d.actions.values()) if (a.from === id || a.to === id) actionCounts[a.type] = (actionCounts[a.type] ?? 0) + 1;
  return { ...actor, degree: d.degree.get(id) ?? 0, actionCounts };
}

export async function asOfActions(actor: string | null, limit: number, offset: number): Promise<PageAnswer<Action>> {
  const d = await asOfDataset();
  const all = (d.doc.actions ?? []).filter((a) => actor === null || a.from === actor || a.to === actor);
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}

export async function asOfAction(id: string): Promise<ActionWithSources> {
  const d = await asOfDataset();
  const a = d.actions.get(id);
  if (!a) throw new NotFound(`there was no action "${id}" at this version`);
  const sources = new Map((d.doc.sources ?? []).map((s) => [s.id, s]));
  const responses = sortTimeline([...d.actions.values()].filter((r) => r.respondsTo?.includes(id))).map((r) => r.id);
  return {
    ...a,
    sources: a.citations.map((c) => sources.get(c.source)).filter((s) => s !== undefined),
    responses,
    time: actionTimeAnswer(a),
  };
}
