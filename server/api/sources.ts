/** Sources: search and list, one with the actions citing it, and (with the token) writes. */
import { z } from 'zod';
import { changeNote } from './change-note';
import type { GraphStore } from '../store/types';
import { notFound, samePathId } from './errors';
import { idPathParams, pageShape, searchParam } from './query';
import { Reply } from './reply';
import { defineRoute } from './route';
import { Source, SourceWithActions, pageOf } from './schemas';

const SourcePage = pageOf(Source, 'SourcePage');

async function mustGetSource(store: GraphStore, id: string) {
  const source = await store.getSource(id);
  if (!source) throw notFound(`source "${id}" not found`);
  return source;
}

export const sourceRoutes = [
  defineRoute({
    method: 'get',
    path: '/sources',
    operationId: 'listSources',
    summary: 'Sources; `q` searches title, publisher and author',
    tag: 'sources',
    query: z.strictObject({ q: searchParam, ...pageShape }),
    responses: { 200: { description: 'A page of sources.', schema: SourcePage } },
    async handle({ query }, { store }) {
      const { q, limit, offset } = query;
      const page = await store.listSources({ limit, offset, ...(q !== undefined && { q }) });
      return { ...page, limit, offset };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sources/:id',
    operationId: 'getSource',
    summary: 'One source, with the ids of the actions that cite it',
    tag: 'sources',
    params: idPathParams,
    responses: { 200: { description: 'The source.', schema: SourceWithActions }, 404: { description: 'No such source.' } },
    async handle({ params }, { store }) {
      return mustGetSource(store, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sources',
    operationId: 'createSource',
    summary: 'Create a source',
    tag: 'sources',
    write: true,
    body: Source,
    responses: {
      201: { description: 'Created; the source as stored.', schema: SourceWithActions },
      409: { description: 'A source with this id exists.' },
    },
    async handle({ body }, { store }, req) {
      await store.createSource(body, changeNote(req));
      return new Reply(201, { location: `/api/sources/${body.id}`, json: await mustGetSource(store, body.id) });
    },
  }),
  defineRoute({
    method: 'put',
    path: '/sources/:id',
    operationId: 'replaceSource',
    summary: 'Replace a source',
    tag: 'sources',
    write: true,
    params: idPathParams,
    body: Source,
    responses: {
      200: { description: 'Replaced; the source as stored.', schema: SourceWithActions },
      404: { description: 'No such source.' },
    },
    async handle({ params, body }, { store }, req) {
      samePathId(params.id, body.id);
      await store.replaceSource(body, changeNote(req));
      return mustGetSource(store, body.id);
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/sources/:id',
    operationId: 'deleteSource',
    summary: 'Delete a source that no action cites',
    tag: 'sources',
    write: true,
    params: idPathParams,
    responses: {
      204: { description: 'Deleted.' },
      404: { description: 'No such source.' },
      409: { description: 'Actions cite the source; `details` lists them.' },
    },
    async handle({ params }, { store }, req) {
      await store.deleteSource(params.id, changeNote(req));
      return new Reply(204);
    },
  }),
];
