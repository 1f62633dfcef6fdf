/**
 * The controlled vocabulary and the episodes as the server answers them (GET /api/vocabulary,
 * GET /api/episodes), loaded once at start: labels, categories, statuses and layers shown in the
 * browser come from here, so a type or layer added on the server shows without a client change.
 */
import { vocabulary as builtIn, type Category, type Episode, type Vocabulary } from '../contract';
import { api } from './api';

/**
 * Until the answer arrives, or when a server without the endpoint answers 404, the contract's
 * own lists (what the server answers when it is the same build).
 */
let vocab: Vocabulary = builtIn();
let typeById = new Map(vocab.types.map((t) => [t.id as string, t]));
let layerById = new Map(vocab.layers.map((l) => [l.id, l]));
let categoryById = new Map(vocab.categories.map((c) => [c.id, c]));
let episodes: Episode[] = [];
let episodeById = new Map<string, Episode>();

function index(): void {
  typeById = new Map(vocab.types.map((t) => [t.id as string, t]));
  layerById = new Map(vocab.layers.map((l) => [l.id, l]));
  categoryById = new Map(vocab.categories.map((c) => [c.id, c]));
  episodeById = new Map(episodes.map((e) => [e.id, e]));
}

/** Loads the vocabulary and the episodes; a failure keeps what the contract knows and no episodes. */
export async function loadVocabulary(): Promise<void> {
  const [v, e] = await Promise.allSettled([api.vocabulary(), api.episodes()]);
  if (v.status === 'fulfilled' && Array.isArray(v.value.types)) vocab = v.value;
  else console.warn('GET /api/vocabulary failed; using the vocabulary this browser was built with.');
  episodes = e.status === 'fulfilled' ? e.value.items : [];
  index();
}

export const vocabulary = (): Vocabulary => vocab;
export const typeLabel = (type: string): string => typeById.get(type)?.label ?? type;
export const typeMeaning = (type: string): string => typeById.get(type)?.meaning ?? '';
export const categoryOfType = (type: string): Category | undefined => typeById.get(type)?.category;
export const categoryLabel = (c: string): string => categoryById.get(c)?.label ?? c;
export const layerLabel = (layer: string | undefined | null): string => (layer ? (layerById.get(layer)?.label ?? layer) : 'No layer');
export const allEpisodes = (): readonly Episode[] => episodes;
export const episodeTitle = (id: string): string => episodeById.get(id)?.title ?? id;
