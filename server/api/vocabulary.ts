/** GET /api/vocabulary: types with labels, meanings and categories; statuses, layers, kinds, stances, terms. */
import { vocabulary } from '../../contract';
import { defineRoute } from './route';
import { VocabularyAnswer } from './schemas';

export const vocabularyRoutes = [
  defineRoute({
    method: 'get',
    path: '/vocabulary',
    operationId: 'getVocabulary',
    summary: 'The controlled vocabulary: action types (label, meaning, category), categories, statuses, layers, kinds, stances, terms',
    tag: 'vocabulary',
    responses: { 200: { description: 'The vocabulary.', schema: VocabularyAnswer } },
    handle() {
      return vocabulary();
    },
  }),
];
