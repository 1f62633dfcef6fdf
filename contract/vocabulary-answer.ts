/** GET /api/vocabulary: every list a client needs, so none is hard-coded in a client. */
import { z } from 'zod';
import {
  ACTION_TYPE_IDS,
  ACTION_TYPES,
  ACTOR_KINDS,
  CATEGORIES,
  CATEGORY_LABELS,
  LAYER_LABELS,
  LAYERS,
  SOURCE_KINDS,
  STANCES,
  STATUSES,
  TERMS,
} from './vocabulary';

const Labelled = z.object({ id: z.string(), label: z.string() });

export const VocabularySchema = z.object({
  types: z.array(z.object({ id: z.enum(ACTION_TYPE_IDS), label: z.string(), meaning: z.string(), category: z.enum(CATEGORIES) })),
  categories: z.array(Labelled),
  statuses: z.array(z.enum(STATUSES)),
  layers: z.array(Labelled),
  actorKinds: z.array(z.enum(ACTOR_KINDS)),
  sourceKinds: z.array(z.enum(SOURCE_KINDS)),
  stances: z.array(z.enum(STANCES)),
  terms: z.array(z.enum(TERMS)),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;

export function vocabulary(): Vocabulary {
  return {
    types: ACTION_TYPE_IDS.map((id) => ({ id, ...ACTION_TYPES[id] })),
    categories: CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] })),
    statuses: [...STATUSES],
    layers: LAYERS.map((id) => ({ id, label: LAYER_LABELS[id] })),
    actorKinds: [...ACTOR_KINDS],
    sourceKinds: [...SOURCE_KINDS],
    stances: [...STANCES],
    terms: [...TERMS],
  };
}
