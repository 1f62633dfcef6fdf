import { changeNote } from './change-note';
/** Actions: the filtered timeline, one with its sources, and (with the token) writes. */
import type { GraphStore } from '../store/types';
import { notFound, samePathId } from './errors';
import { filteredQuery, idPathParams, optionalIdParam, pageShape, toActionFilter } from './query';
import { Reply } from './reply';
import { defineRoute } from './route';
import { Action, ActionWithSources, pageOf } from './schemas';

const ActionPage = pageOf(Action, 'ActionPage');

async function mustGetAction(store: GraphStore, id: string) {
  const action = await store.getAction(id);
  if (!action) throw notFound(`action "${id}" not found`);
  return action;
}

export const actionRoutes = [
  defineRoute({
    method: 'get',
    path: '/actions',
    operationId: 'listActions',
    summary: 'The timeline: actions sorted by date then id, undated last, filtered',
    description: '`actor` keeps the actions where it is `from` or `to`.',
    tag: 'actions',
    query: filteredQuery({ actor: optionalIdParam('Keeps the actions where this actor is `from` or `to`.'), ...pageShape }),
    responses: { 200: { description: 'A page of actions.', schema: ActionPage } },
    async handle({ query }, { store }) {
      const { actor, limit, offset } = query;
      const page = await store.listActions({ ...toActionFilter(query), limit, offset, ...(actor !== undefined && { actor }) });
      return { ...page, limit, offset };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/actions/:id',
    operationId: 'getAction',
    summary: 'One action, with the full records of its sources',
    tag: 'actions',
    params: idPathParams,
    responses: { 200: { description: 'The action.', schema: ActionWithSources }, 404: { description: 'No such action.' } },
    async handle({ params }, { store }) {
      return mustGetAction(store, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/actions',
    operationId: 'createAction',
    summary: 'Create an action; every reference must resolve',
    tag: 'actions',
    write: true,
    body: Action,
    responses: {
      201: { description: 'Created; the action as stored, with its sources.', schema: ActionWithSources },
      409: { description: 'An action with this id exists.' },
    },
    async handle({ body }, { store }, req) {
      await store.createAction(body, changeNote(req));
      return new Reply(201, { location: `/api/actions/${body.id}`, json: await mustGetAction(store, body.id) });
    },
  }),
  defineRoute({
    method: 'put',
    path: '/actions/:id',
    operationId: 'replaceAction',
    summary: 'Replace an action; every reference must resolve',
    tag: 'actions',
    write: true,
    params: idPathParams,
    body: Action,
    responses: {
      200: { description: 'Replaced; the action as stored, with its sources.', schema: ActionWithSources },
      404: { description: 'No such action.' },
    },
    async handle({ params, body }, { store }, req) {
      samePathId(params.id, body.id);
      await store.replaceAction(body, changeNote(req));
      return mustGetAction(store, body.id);
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/actions/:id',
    operationId: 'deleteAction',
    summary: 'Delete an action',
    tag: 'actions',
    write: true,
    params: idPathParams,
    responses: { 204: { description: 'Deleted.' }, 404: { description: 'No such action.' } },
    async handle({ params }, { store }, req) {
      await store.deleteAction(params.id, changeNote(req));
      return new Reply(204);
    },
  }),
];
