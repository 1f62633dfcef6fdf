/**
 * A route of the API as data: method, path, the zod schemas of its path parameters, query and
 * body, and its answers. The same definitions register the Express handlers (routes.ts) and
 * write the OpenAPI document (openapi.ts), so the two cannot drift apart.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { problemsFromZod, shapeProblems, type Problem } from '../../contract';
import type { AppContext } from '../context';
import { ApiError, badRequest, problemsError } from './errors';
import type { OneAtATime } from './export/one-at-a-time';
import { noQuery } from './query';
import type { Answer } from './reply';

export type Method = 'get' | 'post' | 'put' | 'delete';

export interface ResponseDoc {
  description: string;
  /** The JSON body's schema; omitted for answers without a body or not JSON. */
  schema?: z.ZodType;
  /** Media types of the body; application/json when `schema` is given and this is not. */
  contentType?: string | string[];
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** Path under /api, in Express syntax (`/actors/:id`). */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Body size limit in bytes; 1 MB unless given. */
  bodyLimit?: number;
  /** Prefix of the 400 message when the body is invalid. */
  bodyError?: string;
  /**
   * The body is handed to `handle` as its raw bytes (a Buffer, or undefined when there is none) and
   * checked there against `body`, off the event loop; `body` still documents it.
   */
  bodyAsBytes?: boolean;
  /** Needs the bearer token, is rate-limited. */
  write?: boolean;
  /** A read whose 200 body depends only on the URL and the graph: kept until the graph changes. */
  cacheable?: boolean;
  /** Answered one at a time: each answer is sent before the next request of the route begins. */
  inTurn?: OneAtATime;
  responses: Record<number, ResponseDoc>;
  handle(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>, ctx: AppContext, req: Request): Promise<Answer> | Answer;
}

type AnyRouteSpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

export interface ApiRoute extends AnyRouteSpec {
  /** Parses and validates the request, throwing a 400 that names each problem. */
  parse(req: Request): RouteInput<unknown, unknown, unknown>;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

/** Problems with path and query parameters, each named by the parameter. */
function paramProblems(error: z.ZodError, known: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          path: key.slice(0, 60),
          message: `is not a parameter of this endpoint${known.length ? ` (known: ${known.join(', ')})` : ' (it takes none)'}`,
        });
      }
    } else {
      problems.push({ path: issue.path.map(String).join('.') || '(root)', message: issue.message });
    }
  }
  return problems;
}

function paramsError(where: 'query parameter' | 'path parameter', problems: Problem[]): ApiError {
  if (problems.length === 1) {
    const p = problems[0]!;
    return badRequest(`invalid ${where} "${p.path}": ${p.message}`, [`${p.path}: ${p.message}`]);
  }
  return problemsError(`invalid ${where}s`, problems);
}

function shapeKeys(schema: z.ZodType | undefined): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function parseQuery(schema: z.ZodType, raw: Record<string, unknown>): unknown {
  const repeated = Object.entries(raw)
    .filter(([, v]) => Array.isArray(v))
    .map(([k]) => k);
  if (repeated.length) {
    throw paramsError(
      'query parameter',
      repeated.map((k) => ({ path: k.slice(0, 60), message: 'is given more than once' })),
    );
  }
  const r = schema.safeParse({ ...raw });
  if (!r.success) throw paramsError('query parameter', paramProblems(r.error, shapeKeys(schema)));
  return r.data;
}

export function defineRoute<
  P extends z.ZodType = typeof noQuery,
  Q extends z.ZodType = typeof noQuery,
  B extends z.ZodType = z.ZodUndefined,
>(spec: RouteSpec<P, Q, B>): ApiRoute {
  const s = spec as unknown as AnyRouteSpec;
  const paramsSchema: z.ZodType = s.params ?? noQuery;
  const querySchema: z.ZodType = s.query ?? noQuery;
  return {
    ...s,
    parse(req) {
      const p = paramsSchema.safeParse({ ...req.params });
      if (!p.success) throw paramsError('path parameter', paramProblems(p.error, shapeKeys(paramsSchema)));
      const query = parseQuery(querySchema, req.query ?? {});
      let body: unknown;
      if (s.body && s.bodyAsBytes) {
        body = req.body as unknown;
      } else if (s.body) {
        const prefix = s.bodyError ?? 'invalid body';
        if (req.body === undefined) throw badRequest(`${prefix}: a JSON body is required (Content-Type: application/json)`);
        const shape = shapeProblems(req.body);
        if (shape.length) throw problemsError(prefix, shape);
        const b = s.body.safeParse(req.body);
        if (!b.success) throw problemsError(prefix, problemsFromZod(b.error));
        body = b.data;
      }
      return { params: p.data, query, body };
    },
  };
}

/** `/actors/:id` to `/actors/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
