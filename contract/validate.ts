/**
 * Validation of interchange documents and single records, with every problem named by a JSON
 * path (`actions[3].to: unknown actor "parlr"`), as the import rules ask.
 */
import type { z } from 'zod';
import { convertDocumentV1 } from './convert-v1';
import { ActionSchema, ActorSchema, EpisodeSchema, InterchangeSchema, InterchangeV1Schema, SourceSchema } from './schemas';
import type { Action, Actor, Episode, InterchangeDocument, InterchangeDocumentV1, Source } from './schemas';
import { INTERCHANGE_FORMAT_V1 } from './vocabulary';

export interface Problem {
  path: string;
  message: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function problemsFromZod(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): Problem[] {
  return error.issues.map((issue) => {
    const path = formatPath([...prefix, ...issue.path]);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field(s): ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return { path: path || '(root)', message };
  });
}

export function problemText(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any record of the interchange format can be; JSON.parse itself accepts any depth. */
export const MAX_BODY_DEPTH = 20;

/** An unpaired UTF-16 surrogate: not Unicode text, and a store would change it (Neo4j does). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Keys that could pollute a prototype, anywhere in a parsed JSON body, with their JSON paths;
 * nesting beyond MAX_BODY_DEPTH; text that is not valid Unicode. Iterative, so no body can
 * exhaust the stack.
 */
export function shapeProblems(body: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: body, path: [] }];
  while (stack.length && problems.length < 100) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      problems.push({ path: formatPath(path) || '(root)', message: 'contains an unpaired UTF-16 surrogate (not valid Unicode text)' });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_BODY_DEPTH) {
      problems.push({ path: formatPath(path), message: `is nested more than ${MAX_BODY_DEPTH} levels deep` });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value).reverse()) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ path: formatPath(path) || '(root)', message: `unknown field(s): "${key}"` });
      } else if (LONE_SURROGATE.test(key)) {
        problems.push({ path: formatPath(path) || '(root)', message: 'has a field name with an unpaired UTF-16 surrogate' });
      } else {
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return problems;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

function parseWith<T>(schema: z.ZodType<T>, input: unknown, prefix: PropertyKey[] = []): Parsed<T> {
  // zod drops a "__proto__" key silently, so such keys are refused before the schema sees them.
  const shape = shapeProblems(input);
  if (shape.length) return { ok: false, problems: shape };
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: problemsFromZod(r.error, prefix) };
}

/**
 * A v2 document as stored: the document's default zone written into each action and episode
 * that names none, so a stored record always carries its own zone (or none, meaning UTC).
 */
function withDocumentZone(doc: InterchangeDocument): InterchangeDocument {
  const zone = doc.timezone;
  if (zone === undefined) return doc;
  const { timezone: _zone, ...rest } = doc;
  return {
    ...rest,
    ...(doc.actions && { actions: doc.actions.map((a) => (a.timezone === undefined ? { ...a, timezone: zone } : a)) }),
    ...(doc.episodes && { episodes: doc.episodes.map((e) => (e.timezone === undefined ? { ...e, timezone: zone } : e)) }),
  };
}

/** Reads a v2 document, or a v1 document converted to v2 (convert-v1.ts). */
export function parseDocument(input: unknown): Parsed<InterchangeDocument> {
  if (input !== null && typeof input === 'object' && (input as { format?: unknown }).format === INTERCHANGE_FORMAT_V1) {
    const v1 = parseWith<InterchangeDocumentV1>(InterchangeV1Schema, input);
    if (!v1.ok) return v1;
    // The conversion can still make what v2 refuses (an end coarser than, and before, its start).
    return parseWith<InterchangeDocument>(InterchangeSchema, convertDocumentV1(v1.value));
  }
  const r = parseWith<InterchangeDocument>(InterchangeSchema, input);
  return r.ok ? { ok: true, value: withDocumentZone(r.value) } : r;
}
export const parseActor = (input: unknown) => parseWith<Actor>(ActorSchema, input);
export const parseSource = (input: unknown) => parseWith<Source>(SourceSchema, input);
export const parseEpisode = (input: unknown) => parseWith<Episode>(EpisodeSchema, input);
export const parseAction = (input: unknown) => parseWith<Action>(ActionSchema, input);

/** What a store already holds, for resolving references that the payload does not carry. */
export interface KnownIds {
  hasActor(id: string): boolean;
  hasSource(id: string): boolean;
  hasEpisode(id: string): boolean;
  hasAction(id: string): boolean;
}

export interface ReferencedIds {
  actors: Set<string>;
  sources: Set<string>;
  episodes: Set<string>;
  actions: Set<string>;
}

/** Ids an action refers to, for a store to look up before calling checkReferences. */
export function referencedIds(actions: readonly Action[]): ReferencedIds {
  const actors = new Set<string>();
  const sources = new Set<string>();
  const episodes = new Set<string>();
  const targets = new Set<string>();
  for (const a of actions) {
    actors.add(a.from);
    actors.add(a.to);
    a.claimedBy?.forEach((id) => actors.add(id));
    a.disputedBy?.forEach((id) => actors.add(id));
    a.citations.forEach((c) => sources.add(c.source));
    a.episodes?.forEach((id) => episodes.add(id));
    a.respondsTo?.forEach((id) => targets.add(id));
  }
  return { actors, sources, episodes, actions: targets };
}

function duplicateProblems(records: ReadonlyArray<{ id: string }>, key: string): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  records.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first !== undefined) problems.push({ path: `${key}[${i}].id`, message: `duplicate id "${r.id}" (also ${key}[${first}])` });
    else seen.set(r.id, i);
  });
  return problems;
}

function joinPath(base: string, field: string): string {
  return base === '' ? field.replace(/^\./, '') : base + field;
}

/** Checks that every reference of the actions resolves, in the payload or in the store. */
export function actionReferenceProblems(
  actions: readonly Action[],
  known: KnownIds,
  pathOf: (index: number) => string = (i) => `actions[${i}]`,
): Problem[] {
  const problems: Problem[] = [];
  actions.forEach((a, i) => {
    const base = pathOf(i);
    const actor = (id: string, field: string) => {
      if (!known.hasActor(id)) problems.push({ path: joinPath(base, field), message: `unknown actor "${id}"` });
    };
    actor(a.from, '.from');
    actor(a.to, '.to');
    a.claimedBy?.forEach((id, j) => actor(id, `.claimedBy[${j}]`));
    a.disputedBy?.forEach((id, j) => actor(id, `.disputedBy[${j}]`));
    a.citations.forEach((c, j) => {
      if (!known.hasSource(c.source))
        problems.push({ path: joinPath(base, `.citations[${j}].source`), message: `unknown source "${c.source}"` });
    });
    a.episodes?.forEach((id, j) => {
      if (!known.hasEpisode(id)) problems.push({ path: joinPath(base, `.episodes[${j}]`), message: `unknown episode "${id}"` });
    });
    a.respondsTo?.forEach((id, j) => {
      if (!known.hasAction(id)) problems.push({ path: joinPath(base, `.respondsTo[${j}]`), message: `unknown action "${id}"` });
    });
  });
  return problems;
}

/** Duplicate ids and unresolved references of a parsed document. */
export function documentProblems(doc: InterchangeDocument, stored: KnownIds): Problem[] {
  const actors = doc.actors ?? [];
  const sources = doc.sources ?? [];
  const episodes = doc.episodes ?? [];
  const actions = doc.actions ?? [];
  const actorIds = new Set(actors.map((a) => a.id));
  const sourceIds = new Set(sources.map((s) => s.id));
  const episodeIds = new Set(episodes.map((e) => e.id));
  const actionIds = new Set(actions.map((a) => a.id));
  const known: KnownIds = {
    hasActor: (id) => actorIds.has(id) || stored.hasActor(id),
    hasSource: (id) => sourceIds.has(id) || stored.hasSource(id),
    hasEpisode: (id) => episodeIds.has(id) || stored.hasEpisode(id),
    hasAction: (id) => actionIds.has(id) || stored.hasAction(id),
  };
  return [
    ...duplicateProblems(actors, 'actors'),
    ...duplicateProblems(sources, 'sources'),
    ...duplicateProblems(episodes, 'episodes'),
    ...duplicateProblems(actions, 'actions'),
    ...actionReferenceProblems(actions, known),
  ];
}
