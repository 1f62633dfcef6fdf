/** Episodes: list, one with the ids of its actions, and (with the token) writes. */
import { z } from 'zod';
import { changeNote } from './change-note';
import type { GraphStore } from '../store/types';
import { notFound, samePathId } from './errors';
import { idPathParams, pageShape } from './query';
import { Reply } from './reply';
import { defineRoute } from './route';
import { Episode, EpisodeWithActions, pageOf } from './schemas';

const EpisodePage = pageOf(Episode, 'EpisodePage');

async function mustGetEpisode(store: GraphStore, id: string) {
  const episode = await store.getEpisode(id);
  if (!episode) throw notFound(`episode "${id}" not found`);
  return episode;
}

export const episodeRoutes = [
  defineRoute({
    method: 'get',
    path: '/episodes',
    operationId: 'listEpisodes',
    summary: 'Episodes, by id',
    tag: 'episodes',
    query: z.strictObject({ ...pageShape }),
    responses: { 200: { description: 'A page of episodes.', schema: EpisodePage } },
    async handle({ query }, { store }) {
      const { limit, offset } = query;
      const page = await store.listEpisodes({ limit, offset });
      return { ...page, limit, offset };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/episodes/:id',
    operationId: 'getEpisode',
    summary: 'One episode, with the ids of its actions',
    tag: 'episodes',
    params: idPathParams,
    responses: { 200: { description: 'The episode.', schema: EpisodeWithActions }, 404: { description: 'No such episode.' } },
    async handle({ params }, { store }) {
      return mustGetEpisode(store, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/episodes',
    operationId: 'createEpisode',
    summary: 'Create an episode',
    tag: 'episodes',
    write: true,
    body: Episode,
    responses: {
      201: { description: 'Created; the episode as stored.', schema: EpisodeWithActions },
      409: { description: 'An episode with this id exists.' },
    },
    async handle({ body }, { store }, req) {
      await store.createEpisode(body, changeNote(req));
      return new Reply(201, { location: `/api/episodes/${body.id}`, json: await mustGetEpisode(store, body.id) });
    },
  }),
  defineRoute({
    method: 'put',
    path: '/episodes/:id',
    operationId: 'replaceEpisode',
    summary: 'Replace an episode',
    tag: 'episodes',
    write: true,
    params: idPathParams,
    body: Episode,
    responses: {
      200: { description: 'Replaced; the episode as stored.', schema: EpisodeWithActions },
      404: { description: 'No such episode.' },
    },
    async handle({ params, body }, { store }, req) {
      samePathId(params.id, body.id);
      await store.replaceEpisode(body, changeNote(req));
      return mustGetEpisode(store, body.id);
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/episodes/:id',
    operationId: 'deleteEpisode',
    summary: 'Delete an episode that no action names',
    tag: 'episodes',
    write: true,
    params: idPathParams,
    responses: {
      204: { description: 'Deleted.' },
      404: { description: 'No such episode.' },
      409: { description: 'Actions name the episode; `details` lists them.' },
    },
    async handle({ params }, { store }, req) {
      await store.deleteEpisode(params.id, changeNote(req));
      return new Reply(204);
    },
  }),
];
