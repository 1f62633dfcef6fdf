/** Actors: search and list, one with its counts, and (with the token) create, replace, delete. */
import { z } from 'zod';
import { changeNote } from './change-note';
import { notFound, samePathId } from './errors';
import { idPathParams, kindParam, layerParam, pageShape, searchParam } from './query';
import { Reply } from './reply';
import { defineRoute } from './route';
import { Actor, ActorDetail, ActorWithDegree, pageOf } from './schemas';
import type { GraphStore } from '../store/types';

const ActorPage = pageOf(ActorWithDegree, 'ActorPage');

async function mustGetActor(store: GraphStore, id: string) {
  const actor = await store.getActor(id);
  if (!actor) throw notFound(`actor "${id}" not found`);
  return actor;
}

export const actorRoutes = [
  defineRoute({
    method: 'get',
    path: '/actors',
    operationId: 'listActors',
    summary: 'Actors, each with its degree; `q` searches names and aliases, best match first',
    tag: 'actors',
    query: z.strictObject({ q: searchParam, kind: kindParam, layer: layerParam, ...pageShape }),
    responses: { 200: { description: 'A page of actors.', schema: ActorPage } },
    async handle({ query }, { store }) {
      const { q, kind, layer, limit, offset } = query;
      const page = await store.listActors({
        limit,
        offset,
        ...(q !== undefined && { q }),
        ...(kind && { kind }),
        ...(layer && { layer }),
      });
      return { ...page, limit, offset };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/actors/:id',
    operationId: 'getActor',
    summary: 'One actor, with its degree and its action counts by type',
    tag: 'actors',
    params: idPathParams,
    responses: { 200: { description: 'The actor.', schema: ActorDetail }, 404: { description: 'No such actor.' } },
    async handle({ params }, { store }) {
      return mustGetActor(store, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/actors',
    operationId: 'createActor',
    summary: 'Create an actor',
    tag: 'actors',
    write: true,
    body: Actor,
    responses: {
      201: { description: 'Created; the actor as stored.', schema: ActorDetail },
      409: { description: 'An actor with this id exists.' },
    },
    async handle({ body }, { store }, req) {
      await store.createActor(body, changeNote(req));
      return new Reply(201, { location: `/api/actors/${body.id}`, json: await mustGetActor(store, body.id) });
    },
  }),
  defineRoute({
    method: 'put',
    path: '/actors/:id',
    operationId: 'replaceActor',
    summary: 'Replace an actor',
    tag: 'actors',
    write: true,
    params: idPathParams,
    body: Actor,
    responses: {
      200: { description: 'Replaced; the actor as stored.', schema: ActorDetail },
      404: { description: 'No such actor.' },
    },
    async handle({ params, body }, { store }, req) {
      samePathId(params.id, body.id);
      await store.replaceActor(body, changeNote(req));
      return mustGetActor(store, body.id);
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/actors/:id',
    operationId: 'deleteActor',
    summary: 'Delete an actor that no action references',
    tag: 'actors',
    write: true,
    params: idPathParams,
    responses: {
      204: { description: 'Deleted.' },
      404: { description: 'No such actor.' },
      409: { description: 'Actions reference the actor; `details` lists them.' },
    },
    async handle({ params }, { store }, req) {
      await store.deleteActor(params.id, changeNote(req));
      return new Reply(204);
    },
  }),
];
