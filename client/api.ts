/**
 * The one way the browser talks to the server: the API under /api (docs/api.md), with typed answers.
 * Every failure becomes an ApiError carrying the server's code, message and details.
 */
import type {
  Action,
  ActionFilter,
  ActionWithSources,
  ActorDetail,
  ActorWithDegree,
  CascadeAnswer,
  ChainsAnswer,
  Episode,
  GraphAnswer,
  Health,
  ImportResult,
  InterchangeDocument,
  PageAnswer,
  PathsAnswer,
  Source,
  Vocabulary,
} from '../contract';
import { AS_OF, asOfAction, asOfActions, asOfActor, asOfGraph } from './features/history/as-of';
import type { FilterFields } from './state/types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'dg.apiToken';

/** The write token lives in sessionStorage only: gone when the tab closes. */
export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (t: string) => sessionStorage.setItem(TOKEN_KEY, t),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

type Params = Record<string, string | number | undefined | null>;

const list = (xs: readonly string[] | undefined) => (xs?.length ? xs.join(',') : undefined);

/** The shared action filters as the API's query parameters (docs/api.md, "Action filters"). */
export function filterParams(f: ActionFilter): Params {
  return {
    type: list(f.types),
    category: list(f.categories),
    status: list(f.statuses),
    claimedBy: list(f.claimedBy),
    disputedBy: list(f.disputedBy),
    episode: list(f.episodes),
    from: f.from,
    to: f.to,
    tz: f.tz,
  };
}

export function apiUrl(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const text = q.toString().replace(/%2C/g, ',');
  return `/api${path}${text ? `?${text}` : ''}`;
}

/** Reads `details` whichever shape the server gives them: strings or {path, message}. */
export function detailText(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.map((d) => {
    if (typeof d === 'string') return d;
    if (d && typeof d === 'object') {
      const o = d as Record<string, unknown>;
      if (typeof o.path === 'string' && typeof o.message === 'string') return `${o.path}: ${o.message}`;
      if (typeof o.message === 'string') return o.message;
    }
    return JSON.stringify(d);
  });
}

export function errorFromBody(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (err && typeof err === 'object') {
    return new ApiError(status, err.code ?? 'internal', err.message ?? `HTTP ${status}`, detailText(err.details));
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'bad_request', `the server answered HTTP ${status}`);
}

async function request<T>(method: string, path: string, params: Params = {}, body?: unknown, signal?: AbortSignal): Promise<T> {
  if (AS_OF && method !== 'GET') throw new ApiError(403, 'forbidden', 'read only: this is an earlier version of the dataset');
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const t = token.get();
  if (method !== 'GET' && t) headers.Authorization = `Bearer ${t}`;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, params), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'unavailable', 'the server cannot be reached (network error)');
  }
  if (res.status === 204) return undefined as T;
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    if (res.ok) throw new ApiError(res.status, 'internal', 'the server answered something that is not JSON');
  }
  if (!res.ok) throw errorFromBody(res.status, json);
  return json as T;
}

const get = <T>(path: string, params?: Params, signal?: AbortSignal) => request<T>('GET', path, params, undefined, signal);
const enc = encodeURIComponent;

export const api = {
  health: (signal?: AbortSignal) => get<Health>('/health', {}, signal),
  graph: (focus: string | null, depth: number, f: ActionFilter, signal?: AbortSignal) =>
    AS_OF ? asOfGraph(focus, depth, f) : get<GraphAnswer>('/graph', { ...(focus ? { focus, depth } : {}), ...filterParams(f) }, signal),
  actors: (q: string, limit = 8, signal?: AbortSignal) => get<PageAnswer<ActorWithDegree>>('/actors', { q, limit }, signal),
  actor: (id: string, signal?: AbortSignal) => (AS_OF ? asOfActor(id) : get<ActorDetail>(`/actors/${enc(id)}`, {}, signal)),
  actions: (actor: string | null, f: ActionFilter, limit = 100, offset = 0, signal?: AbortSignal) =>
    AS_OF ? asOfActions(actor, limit, offset) : get<PageAnswer<Action>>('/actions', { actor, ...filterParams(f), limit, offset }, signal),
  action: (id: string, signal?: AbortSignal) => (AS_OF ? asOfAction(id) : get<ActionWithSources>(`/actions/${enc(id)}`, {}, signal)),
  sources: (q: string, limit = 20, signal?: AbortSignal) => get<PageAnswer<Source>>('/sources', { q, limit }, signal),
  paths: (source: string, target: string, f: ActionFilter, maxLength = 4, signal?: AbortSignal) =>
    get<PathsAnswer>('/paths', { source, target, maxLength, ...filterParams(f) }, signal),
  chains: (actor: string, f: ActionFilter, maxLength = 6, signal?: AbortSignal) =>
    get<ChainsAnswer>('/chains', { actor, maxLength, ...filterParams(f) }, signal),
  cascade: (target: string, f: ActionFilter, signal?: AbortSignal) =>
    get<CascadeAnswer>('/cascade', { target, ...filterParams(f) }, signal),
  vocabulary: (signal?: AbortSignal) => get<Vocabulary>('/vocabulary', {}, signal),
  episodes: (limit = 1000, signal?: AbortSignal) => get<PageAnswer<Episode>>('/episodes', { limit }, signal),
  exportUrl: (format: 'json' | 'graphml' | 'gexf' | 'csv' | 'cyjs', f: ActionFilter, extra: Params = {}) =>
    apiUrl('/export', { format, ...extra, ...filterParams(f) }),
  createAction: (a: Action) => request<Action>('POST', '/actions', {}, a),
  replaceAction: (a: Action) => request<Action>('PUT', `/actions/${enc(a.id)}`, {}, a),
  createSource: (s: Source) => request<Source>('POST', '/sources', {}, s),
};

/** POST /api/import with upload progress (fetch cannot report it; XHR can). */
export function importDocument(doc: InterchangeDocument | string, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    if (AS_OF) return reject(new ApiError(403, 'forbidden', 'read only: this is an earlier version of the dataset'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/import');
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    const t = token.get();
    if (t) xhr.setRequestHeader('Authorization', `Bearer ${t}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'unavailable', 'the server cannot be reached (network error)'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportResult);
      else reject(errorFromBody(xhr.status, body));
    };
    xhr.send(typeof doc === 'string' ? doc : JSON.stringify(doc));
  });
}

const some = <T>(xs: T[]): T[] | undefined => (xs.length ? xs : undefined);

export function toFilter(s: FilterFields): ActionFilter {
  return {
    types: some(s.types),
    categories: some(s.categories),
    statuses: some(s.statuses),
    claimedBy: some(s.claimedBy),
    disputedBy: some(s.disputedBy),
    episodes: some(s.episodes),
    from: s.from ?? undefined,
    to: s.to ?? undefined,
    tz: s.tz ?? undefined,
  };
}
