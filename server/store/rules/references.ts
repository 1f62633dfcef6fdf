/** Whether the actors, sources, episodes and actions that actions name are there to be named. */
import { actionReferenceProblems, referencedIds, type Action, type KnownIds, type ReferencedIds } from '../../../contract';
import { ValidationError } from '../errors';
import type { RecordKind, RecordLookup } from './lookup';
import { responseProblems } from './responses';
import type { Turns } from '../../loop-turn';

const NONE: ReadonlySet<string> = new Set();

/**
 * The stored records among those the actions name. Ids the payload carries itself are not asked
 * about: the payload resolves them (documentProblems looks there first).
 */
export async function storedReferences(
  lookup: RecordLookup,
  actions: readonly Action[],
  inPayload: { [K in 'actors' | 'sources' | 'episodes' | 'actions']?: ReadonlySet<string> } = {},
  turns?: Turns,
): Promise<KnownIds> {
  const refs = turns ? await referencedInTurns(actions, turns) : referencedIds(actions);
  const stored = (kind: RecordKind, ids: Set<string>, given: ReadonlySet<string> = NONE) =>
    lookup.existing(
      kind,
      [...ids].filter((id) => !given.has(id)),
    );
  const actors = await stored('actor', refs.actors, inPayload.actors);
  const sources = await stored('source', refs.sources, inPayload.sources);
  const episodes = await stored('episode', refs.episodes, inPayload.episodes);
  const targets = await stored('action', refs.actions, inPayload.actions);
  return {
    hasActor: (id) => actors.has(id),
    hasSource: (id) => sources.has(id),
    hasEpisode: (id) => episodes.has(id),
    hasAction: (id) => targets.has(id),
  };
}

/** referencedIds of many actions, a thousand at a time with turns of the event loop between. */
async function referencedInTurns(actions: readonly Action[], turns: Turns): Promise<ReferencedIds> {
  const all: ReferencedIds = { actors: new Set(), sources: new Set(), episodes: new Set(), actions: new Set() };
  await turns.chunks(actions, 1000, (part) => {
    const refs = referencedIds(part);
    for (const key of ['actors', 'sources', 'episodes', 'actions'] as const) for (const id of refs[key]) all[key].add(id);
  });
  return all;
}

/** A single action written on its own: every reference must already be stored, and its responses possible. */
export async function checkActionReferences(action: Action, lookup: RecordLookup): Promise<void> {
  const problems = actionReferenceProblems([action], await storedReferences(lookup, [action]), () => '');
  if (problems.length) throw new ValidationError(problems, 'unresolved references');
  const responses = await responseProblems([action], lookup, () => '');
  if (responses.length) throw new ValidationError(responses, 'impossible response links');
}
