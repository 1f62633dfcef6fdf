/**
 * Validation of interchange documents and single records, with every problem named by a JSON
 * path (`actions[3].to: unknown actor "parlr"`), as the import rules ask.
 */
import type { z } from 'zod';
import { ActionSchema, ActorSchema, InterchangeSchema, SourceSchema } from './schemas';
import type { Action, Actor, InterchangeDocument, Source } from './schemas';

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

export const parseDocument = (input: unknown) => parseWith<InterchangeDocument>(InterchangeSchema, input);
export const parseActor = (input: unknown) => parseWith<Actor>(ActorSchema, input);
export const parseSource = (input: unknown) => parseWith<Source>(SourceSchema, input);
export const parseAction = (input: unknown) => parseWith<Action>(ActionSchema, input);

/** What a store already holds, for resolving references that the payload does not carry. */
export interface KnownIds {
  hasActor(id: string): boolean;
  hasSource(id: string): boolean;
}

/** Ids an action refers to, for a store to look up before calling checkReferences. */
export function referencedIds(actions: readonly Action[]): { actors: Set<string>; sources: Set<string> } {
  const actors = new Set<string>();
  const sources = new Set<string>();
  for (const a of actions) {
    actors.add(a.from);
    actors.add(a.to);
    a.claimedBy?.forEach((id) => actors.add(id));
    a.disputedBy?.forEach((id) => actors.add(id));
    a.sourceIds.forEach((id) => sources.add(id));
  }
  return { actors, sources };
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
    a.sourceIds.forEach((id, j) => {
      if (!known.hasSource(id)) problems.push({ path: joinPath(base, `.sourceIds[${j}]`), message: `unknown source "${id}"` });
    });
  });
  return problems;
}

/** Duplicate ids and unresolved references of a parsed document. */
export function documentProblems(doc: InterchangeDocument, stored: KnownIds): Problem[] {
  const actors = doc.actors ?? [];
  const sources = doc.sources ?? [];
  const actions = doc.actions ?? [];
  const actorIds = new Set(actors.map((a) => a.id));
  const sourceIds = new Set(sources.map((s) => s.id));
  const known: KnownIds = {
    hasActor: (id) => actorIds.has(id) || stored.hasActor(id),
    hasSource: (id) => sourceIds.has(id) || stored.hasSource(id),
  };
  return [
    ...duplicateProblems(actors, 'actors'),
    ...duplicateProblems(sources, 'sources'),
    ...duplicateProblems(actions, 'actions'),
    ...actionReferenceProblems(actions, known),
  ];
}
