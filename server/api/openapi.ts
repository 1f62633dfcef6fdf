/**
 * The OpenAPI 3.1 document, written from the route table: the same zod schemas that validate
 * each request give its parameters and body (JSON Schema 2020-12, OpenAPI 3.1's dialect).
 */
import { z } from 'zod';
import { ERROR_CODES } from '../../contract';
import { roleNeeded } from './auth';
import { paramJsonSchema } from './query';
import { openApiPath, type ApiRoute, type ResponseDoc } from './route';
import { apiSchemas } from './schemas';

type Json = Record<string, unknown>;

const REF_BASE = '#/components/schemas/';

function strip(schema: Json): Json {
  const { $schema: _s, $id: _i, $defs: _d, ...rest } = schema;
  return rest;
}

/** A schema as a $ref when it is a named component, inline otherwise (its named parts as $refs). */
function schemaOf(schema: z.ZodType): Json {
  const meta = apiSchemas.get(schema);
  if (meta) return { $ref: `${REF_BASE}${meta.id}` };
  const json = z.toJSONSchema(schema, { metadata: apiSchemas, io: 'input', unrepresentable: 'any' }) as Json;
  return JSON.parse(JSON.stringify(strip(json)).replaceAll('"#/$defs/', `"${REF_BASE}`)) as Json;
}

function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  return (schema as unknown as { shape?: Record<string, z.ZodType> } | undefined)?.shape ?? {};
}

function parameters(route: ApiRoute): Json[] {
  const out: Json[] = [];
  for (const [name, field] of Object.entries(shapeOf(route.params))) {
    out.push({ name, in: 'path', required: true, schema: paramJsonSchema(field) });
  }
  for (const [name, field] of Object.entries(shapeOf(route.query))) {
    const schema = paramJsonSchema(field);
    const { description, ...rest } = schema;
    out.push({
      name,
      in: 'query',
      required: !field.safeParse(undefined).success,
      ...(typeof description === 'string' && { description }),
      schema: rest,
    });
  }
  return out;
}

const errorContent = { 'application/json': { schema: { $ref: `${REF_BASE}Error` } } };

function response(status: number, doc: ResponseDoc): Json {
  const types = doc.contentType === undefined ? (doc.schema || status >= 400 ? ['application/json'] : []) : [doc.contentType].flat();
  const schema = doc.schema ? schemaOf(doc.schema) : status >= 400 ? { $ref: `${REF_BASE}Error` } : undefined;
  if (types.length === 0) return { description: doc.description };
  return {
    description: doc.description,
    content: Object.fromEntries(types.map((t) => [t, schema ? { schema } : {}])),
  };
}

function responses(route: ApiRoute): Json {
  const out: Record<string, Json> = {};
  for (const [status, doc] of Object.entries(route.responses)) out[status] = response(Number(status), doc);
  const common = (status: number, description: string, headers?: Json) => {
    if (!out[status]) out[status] = { description, content: errorContent, ...(headers && { headers }) };
  };
  const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } };
  common(400, 'Bad input: the message names the parameter or field and what was wrong; `details` lists each problem.');
  const challenge = { 'WWW-Authenticate': { schema: { type: 'string' } } };
  const role = roleNeeded(route, true);
  if (route.write) {
    common(401, 'No bearer key, a wrong one, or a revoked one.', challenge);
    common(
      403,
      `The key's role is below ${role} (the message names the role needed), or writes are disabled: the server has neither API_TOKEN nor API_KEYS_FILE.`,
    );
    common(429, 'Too many writes from this address or with this key; retry later.', retryAfter);
  } else if (role) {
    common(401, 'Only when the server sets READS_NEED_KEY: no bearer key, a wrong one, or a revoked one.', challenge);
  }
  if (route.body) common(413, 'The body is larger than its limit.');
  common(500, 'An unexpected error; the message carries the request id.');
  common(503, 'The store cannot be reached; retry later.', retryAfter);
  if (route.write) common(507, 'The data folder is full; nothing was written (code `unavailable`).', retryAfter);
  return out;
}

/**
 * Writes need a key; reads take one only when the server sets READS_NEED_KEY, so for them a key
 * is optional (`{}`). `x-required-role` is the least role that passes.
 */
function operationSecurity(route: ApiRoute): Json {
  const role = roleNeeded(route, true);
  if (!role) return {};
  return { security: route.write ? [{ bearerAuth: [] }] : [{}, { bearerAuth: [] }], 'x-required-role': role };
}

export function buildOpenApi(routes: readonly ApiRoute[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const path = `/api${openApiPath(route.path)}`;
    const params = parameters(route);
    (paths[path] ??= {})[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description && { description: route.description }),
      tags: [route.tag],
      ...(params.length && { parameters: params }),
      ...(route.body && {
        requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body) } } },
      }),
      responses: responses(route),
      ...operationSecurity(route),
    };
  }
  const components = z.toJSONSchema(apiSchemas, {
    metadata: apiSchemas,
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `${REF_BASE}${id}`,
  }).schemas as Record<string, Json>;
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Deplatforming graph API',
      version,
      description:
        'A knowledge graph of deplatforming events: actors, dated actions and their sources. Errors are ' +
        `\`{"error": {"code", "message", "details"}}\` with code one of ${ERROR_CODES.join(', ')}. Writes need ` +
        '`Authorization: Bearer <key>` with a key of the role each operation names in `x-required-role` ' +
        '(reader < editor < admin); reads need a reader key only when the server sets READS_NEED_KEY.',
    },
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).map(([id, s]) => [id, strip(s)])),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A named key from the server's API_KEYS_FILE (`dpg_<id>_<secret>`, made with `npm run keys -- add NAME ROLE`) or its API_TOKEN, which acts as an admin key. Header only: a key in the URL is refused with 400.",
        },
      },
    },
  };
}
