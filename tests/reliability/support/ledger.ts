/**
 * Writers and their ledger: lanes of sequential writes over HTTP (each lane owns its ids, so an id
 * has at most one write in flight), every answer recorded. A 2xx is an acknowledged write: it must
 * be there after any crash. A 4xx is a refusal: nothing of it may be there. A request that got no
 * answer may or may not have landed; both states are allowed until the next check settles it.
 * The check compares the whole export with the ledger and the graph with itself.
 */
import { Client, NoAnswerError, sleep, type Answer } from './http';

export type Kind = 'actor' | 'source' | 'action';
type Rec = Record<string, unknown> & { id: string };

const COLLECTION: Record<Kind, string> = { actor: '/api/actors', source: '/api/sources', action: '/api/actions' };
const PLURAL: Record<Kind, 'actors' | 'sources' | 'actions'> = { actor: 'actors', source: 'sources', action: 'actions' };

/** Seed records the writers may reference (graph-seed/seed.json); never changed by them. */
export const SEED_ACTORS = ['parler', 'aws', 'twitter', 'apple'];
export const SEED_SOURCES = ['src-000-parler-sues-aws', 'src-004-amazon-told-media-first'];

interface Entry {
  kind: Kind;
  id: string;
  lane: string;
  /** The acknowledged state: undefined before any acknowledged write, null once deleted. */
  acked: Rec | null | undefined;
  /** States that writes without an answer (since the last acknowledgement) may have left. */
  maybe: Array<Rec | null>;
}

/** JSON with sorted keys, so two records compare by content. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort())
        if ((v as Record<string, unknown>)[k] !== undefined) out[k] = sort((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

export interface Doc {
  actors?: Rec[];
  sources?: Rec[];
  actions?: Rec[];
}

export class Ledger {
  readonly entries = new Map<string, Entry>();
  private readonly byLane = new Map<string, Entry[]>();
  acked = 0;
  refused = 0;
  unanswered = 0;
  /** Answers by status, over all writes. */
  readonly statuses: Record<string, number> = {};

  private key(kind: Kind, id: string): string {
    return `${kind}:${id}`;
  }

  entry(kind: Kind, id: string): Entry | undefined {
    return this.entries.get(this.key(kind, id));
  }

  private touch(kind: Kind, id: string, lane: string): Entry {
    const k = this.key(kind, id);
    let e = this.entries.get(k);
    if (!e) {
      this.entries.set(k, (e = { kind, id, lane, acked: undefined, maybe: [] }));
      const list = this.byLane.get(lane) ?? [];
      list.push(e);
      this.byLane.set(lane, list);
    }
    return e;
  }

  ack(kind: Kind, id: string, lane: string, state: Rec | null): void {
    const e = this.touch(kind, id, lane);
    e.acked = state;
    e.maybe = [];
  }

  unknown(kind: Kind, id: string, lane: string, state: Rec | null): void {
    this.touch(kind, id, lane).maybe.push(state);
  }

  /** Ids of a kind whose acknowledged state exists, owned by `lane`. */
  existing(kind: Kind, lane: string): string[] {
    const out: string[] = [];
    for (const e of this.byLane.get(lane) ?? []) if (e.kind === kind && e.acked && e.maybe.length === 0) out.push(e.id);
    return out;
  }

  /** Ids acknowledged (present) of a kind: what a reader must find. */
  ackedPresent(kind: Kind): string[] {
    const out: string[] = [];
    for (const e of this.entries.values()) if (e.kind === kind && e.acked) out.push(e.acked.id);
    return out;
  }

  /**
   * Compares an export with the ledger: every acknowledged write there as acknowledged (or as a
   * later unanswered write left it), nothing refused there. Returns the problems found.
   */
  verify(doc: Doc): string[] {
    const problems: string[] = [];
    const stored: Record<Kind, Map<string, Rec>> = { actor: new Map(), source: new Map(), action: new Map() };
    for (const kind of ['actor', 'source', 'action'] as const) for (const r of doc[PLURAL[kind]] ?? []) stored[kind].set(r.id, r);
    for (const e of this.entries.values()) {
      const id = e.id;
      const actual = stored[e.kind].get(id) ?? null;
      const allowed = [e.acked === undefined ? null : e.acked, ...e.maybe];
      const text = actual === null ? 'null' : canonicalJson(actual);
      if (!allowed.some((s) => (s === null ? 'null' : canonicalJson(s)) === text)) {
        const want = e.acked === undefined ? 'absent' : e.acked === null ? 'deleted' : canonicalJson(e.acked);
        problems.push(
          `${e.kind} "${id}": stored ${text.slice(0, 200)}, acknowledged ${want.slice(0, 200)}${e.maybe.length ? ` (or ${e.maybe.length} unanswered state(s))` : ''}`,
        );
      }
    }
    return problems;
  }

  /** Of the writes that got no answer (since the last check), how many the store shows applied. */
  unansweredOutcome(doc: Doc): { applied: number; notApplied: number } {
    const out = { applied: 0, notApplied: 0 };
    for (const e of this.entries.values()) {
      if (e.maybe.length === 0) continue;
      const actual = (doc[PLURAL[e.kind]] ?? []).find((r) => r.id === e.id) ?? null;
      const text = actual === null ? 'null' : canonicalJson(actual);
      const base = e.acked === undefined || e.acked === null ? 'null' : canonicalJson(e.acked);
      if (text !== base && e.maybe.some((m) => (m === null ? 'null' : canonicalJson(m)) === text)) out.applied++;
      else out.notApplied++;
    }
    return out;
  }

  /** After a check, what the store holds is what a later check must find. */
  settle(doc: Doc): void {
    const stored: Record<Kind, Map<string, Rec>> = { actor: new Map(), source: new Map(), action: new Map() };
    for (const kind of ['actor', 'source', 'action'] as const) for (const r of doc[PLURAL[kind]] ?? []) stored[kind].set(r.id, r);
    for (const e of this.entries.values()) {
      if (e.maybe.length === 0) continue;
      const actual = stored[e.kind].get(e.id);
      e.acked = actual ?? (e.acked === undefined ? undefined : null);
      e.maybe = [];
    }
  }
}

/** Problems of the graph with itself: dangling references, duplicate ids, counts that disagree. */
export function consistencyProblems(
  doc: Doc,
  counts: { actors: number; sources: number; actions: number },
  totals?: Partial<Record<'actors' | 'sources' | 'actions', number>>,
): string[] {
  const problems: string[] = [];
  const actors = new Set<string>();
  const sources = new Set<string>();
  const actions = new Set<string>();
  for (const [list, set, what] of [
    [doc.actors, actors, 'actor'],
    [doc.sources, sources, 'source'],
    [doc.actions, actions, 'action'],
  ] as const) {
    for (const r of list ?? []) {
      if (set.has(r.id)) problems.push(`duplicate ${what} id "${r.id}"`);
      set.add(r.id);
    }
  }
  for (const a of doc.actions ?? []) {
    const refs: Array<[string, unknown]> = [
      ['from', a.from],
      ['to', a.to],
    ];
    for (const c of (a.claimedBy as string[] | undefined) ?? []) refs.push(['claimedBy', c]);
    for (const c of (a.disputedBy as string[] | undefined) ?? []) refs.push(['disputedBy', c]);
    for (const [field, ref] of refs)
      if (!actors.has(String(ref))) problems.push(`action "${a.id}".${field}: dangling actor "${String(ref)}"`);
    for (const s of ((a.citations as { source: string }[] | undefined) ?? []).map((c) => c.source))
      if (!sources.has(s)) problems.push(`action "${a.id}".citations: dangling source "${s}"`);
  }
  const lengths = { actors: actors.size, sources: sources.size, actions: actions.size };
  for (const k of ['actors', 'sources', 'actions'] as const) {
    if (counts[k] !== lengths[k]) problems.push(`health counts ${k} ${counts[k]}, export has ${lengths[k]}`);
    const t = totals?.[k];
    if (t !== undefined && t !== lengths[k]) problems.push(`GET /api/${k} total ${t}, export has ${lengths[k]}`);
  }
  return problems;
}

export interface GraphCheck {
  doc: Doc;
  counts: { actors: number; sources: number; actions: number };
  /** Ledger problems followed by consistency problems. */
  problems: string[];
}

/** Reads the whole graph through the API and checks it against the ledger and itself. */
export async function checkGraph(client: Client, ledger: Ledger): Promise<GraphCheck> {
  const exported = await client.get('/api/export?format=json');
  if (exported.status !== 200) throw new Error(`export answered ${exported.status}: ${exported.text.slice(0, 300)}`);
  const doc = JSON.parse(exported.text) as Doc;
  const health = await client.get('/api/health');
  if (health.status !== 200) throw new Error(`health answered ${health.status}: ${health.text.slice(0, 300)}`);
  const totals: Record<string, number> = {};
  for (const k of ['actors', 'sources', 'actions'] as const) {
    const list = await client.get(`/api/${k}?limit=1`);
    totals[k] = (list.body as { total: number }).total;
  }
  const counts = (health.body as { counts: GraphCheck['counts'] }).counts;
  return { doc, counts, problems: [...ledger.verify(doc), ...consistencyProblems(doc, counts, totals)] };
}

/** Every acknowledged, present record of the ledger read one by one through GET /api/<kind>/<id>. */
export async function readBackAcked(client: Client, ledger: Ledger, ids?: Set<string>): Promise<string[]> {
  const problems: string[] = [];
  for (const e of ledger.entries.values()) {
    if (!e.acked || e.maybe.length) continue;
    if (ids && !ids.has(e.acked.id)) continue;
    const res = await client.get(`${COLLECTION[e.kind]}/${e.acked.id}`);
    if (res.status !== 200) {
      problems.push(`GET ${e.kind} "${e.acked.id}" answered ${res.status}, though its write was acknowledged`);
      continue;
    }
    // Detail answers add derived fields (degree, actionCounts, sources, actions, responses, time); compare the record's own.
    const own: Record<string, unknown> = { ...(res.body as Rec) };
    for (const derived of ['degree', 'actionCounts', 'sources', 'actions', 'responses', 'time']) delete own[derived];
    if (canonicalJson(own) !== canonicalJson(e.acked))
      problems.push(
        `GET ${e.kind} "${e.acked.id}": ${canonicalJson(own).slice(0, 200)} != acknowledged ${canonicalJson(e.acked).slice(0, 200)}`,
      );
  }
  return problems;
}

// ---- the writers ----

export interface WriterOptions {
  client: Client;
  ledger: Ledger;
  /** Prefix of every id this run creates (unique per run and round). */
  prefix: string;
  lanes: number;
  rand: () => number;
  /** True once the writers should stop. */
  stop: () => boolean;
  /**
   * 5xx answers: `refused` (the embedded store rolls a failed append back: nothing written) or
   * `unknown` (a remote database may have committed before the connection failed).
   */
  on5xx: 'refused' | 'unknown';
  /** Pause after a 5xx or no answer before the lane goes on (a lane stops on no answer unless set). */
  retryPauseMs?: number;
}

export interface WriterStats {
  attempted: number;
  acked: number;
  refused: number;
  unanswered: number;
  statuses: Record<string, number>;
  /** Answers that no correct server gives here (a 4xx other than an expected conflict, a 500). */
  unexpected: string[];
  latenciesMs: number[];
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function actorRecord(id: string, v: number): Rec {
  return {
    id,
    name: `Actor ${id} v${v}`,
    kind: 'company',
    aliases: [`alias-${id}`],
    description: `written by the reliability suite, version ${v}`,
  };
}

function sourceRecord(id: string): Rec {
  return {
    id,
    title: `Report ${id}`,
    publisher: 'Reliability Suite',
    url: `https://example.org/${id}`,
    kind: 'news',
    published: '2021-01-10',
  };
}

function actionRecord(id: string, from: string, to: string, sourceIds: string[], v: number): Rec {
  return {
    id,
    type: 'SUSPENDED',
    from,
    to,
    date: `2021-01-${String(1 + (v % 28)).padStart(2, '0')}`,
    status: 'reported',
    summary: `summary of ${id}, version ${v}`,
    citations: sourceIds.map((source) => ({ source, stance: 'states' })),
  };
}

interface Op {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** The records this write sets (null: deletes). */
  effects: Array<{ kind: Kind; id: string; state: Rec | null }>;
  /** Statuses that are a correct refusal of this write (nothing written). */
  okRefusals: number[];
}

/** Runs `lanes` sequential writers until stop() or (without retryPauseMs) the server stops answering. */
export async function runWriters(opts: WriterOptions): Promise<WriterStats> {
  const stats: WriterStats = { attempted: 0, acked: 0, refused: 0, unanswered: 0, statuses: {}, unexpected: [], latenciesMs: [] };
  const { ledger } = opts;
  let serial = 0;
  const nextOp = (lane: string): Op => {
    const r = opts.rand();
    const n = serial++;
    const id = (what: string) => `${opts.prefix}-${lane}-${what}${n}`;
    const actors = ledger.existing('actor', lane);
    const sources = ledger.existing('source', lane);
    const actions = ledger.existing('action', lane);
    const anyActor = () => (actors.length && opts.rand() < 0.6 ? pick(opts.rand, actors) : pick(opts.rand, SEED_ACTORS));
    const someSources = () => [
      ...new Set([
        sources.length && opts.rand() < 0.6 ? pick(opts.rand, sources) : pick(opts.rand, SEED_SOURCES),
        pick(opts.rand, SEED_SOURCES),
      ]),
    ];
    if (r < 0.22 || actors.length === 0) {
      const a = actorRecord(id('a'), 0);
      return { method: 'POST', path: '/api/actors', body: a, effects: [{ kind: 'actor', id: a.id, state: a }], okRefusals: [] };
    }
    if (r < 0.32) {
      const s = sourceRecord(id('s'));
      return { method: 'POST', path: '/api/sources', body: s, effects: [{ kind: 'source', id: s.id, state: s }], okRefusals: [] };
    }
    if (r < 0.55) {
      const from = pick(opts.rand, actors);
      let to = anyActor();
      if (to === from) to = 'parler';
      const x = actionRecord(id('x'), from, to, someSources(), n);
      return { method: 'POST', path: '/api/actions', body: x, effects: [{ kind: 'action', id: x.id, state: x }], okRefusals: [] };
    }
    if (r < 0.7) {
      const target = pick(opts.rand, actors);
      const a = actorRecord(target, n);
      return { method: 'PUT', path: `/api/actors/${target}`, body: a, effects: [{ kind: 'actor', id: target, state: a }], okRefusals: [] };
    }
    if (r < 0.8 && actions.length) {
      const target = pick(opts.rand, actions);
      const old = ledger.entry('action', target)!.acked!;
      const x = actionRecord(
        target,
        String(old.from),
        String(old.to),
        (old.citations as { source: string }[]).map((c) => c.source),
        n,
      );
      return {
        method: 'PUT',
        path: `/api/actions/${target}`,
        body: x,
        effects: [{ kind: 'action', id: target, state: x }],
        okRefusals: [],
      };
    }
    if (r < 0.86 && actions.length) {
      const target = pick(opts.rand, actions);
      return { method: 'DELETE', path: `/api/actions/${target}`, effects: [{ kind: 'action', id: target, state: null }], okRefusals: [] };
    }
    if (r < 0.9) {
      // An actor that an action still references is refused with 409, and must then stay.
      const target = pick(opts.rand, actors);
      return { method: 'DELETE', path: `/api/actors/${target}`, effects: [{ kind: 'actor', id: target, state: null }], okRefusals: [409] };
    }
    const a = actorRecord(id('ia'), 0);
    const s = sourceRecord(id('is'));
    const x = actionRecord(id('ix'), a.id, anyActor(), [s.id], n);
    return {
      method: 'POST',
      path: '/api/import',
      body: { format: 'deplatforming-graph/v2', actors: [a], sources: [s], actions: [x] },
      effects: [
        { kind: 'actor', id: a.id, state: a },
        { kind: 'source', id: s.id, state: s },
        { kind: 'action', id: x.id, state: x },
      ],
      okRefusals: [],
    };
  };

  const lane = async (name: string) => {
    while (!opts.stop()) {
      const op = nextOp(name);
      stats.attempted++;
      let res: Answer;
      try {
        res = await opts.client.write(op.method, op.path, op.body);
      } catch (err) {
        if (!(err instanceof NoAnswerError)) throw err;
        stats.unanswered++;
        ledger.unanswered++;
        for (const e of op.effects) ledger.unknown(e.kind, e.id, name, e.state);
        if (opts.retryPauseMs === undefined) return; // the server is gone: this lane is done
        await sleep(opts.retryPauseMs);
        continue;
      }
      stats.latenciesMs.push(res.ms);
      stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
      ledger.statuses[res.status] = (ledger.statuses[res.status] ?? 0) + 1;
      if (res.status >= 200 && res.status < 300) {
        stats.acked++;
        ledger.acked++;
        for (const e of op.effects) ledger.ack(e.kind, e.id, name, e.state);
      } else if (res.status >= 500 && opts.on5xx === 'unknown') {
        stats.unanswered++;
        for (const e of op.effects) ledger.unknown(e.kind, e.id, name, e.state);
        if (opts.retryPauseMs !== undefined) await sleep(opts.retryPauseMs);
      } else {
        stats.refused++;
        ledger.refused++;
        const expected = op.okRefusals.includes(res.status) || res.status === 503 || res.status === 507;
        if (!expected) stats.unexpected.push(`${op.method} ${op.path} -> ${res.status} ${res.text.slice(0, 200)}`);
        if (res.status >= 500 && opts.retryPauseMs !== undefined) await sleep(opts.retryPauseMs);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.lanes }, (_, i) => lane(`l${i}`)));
  return stats;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
