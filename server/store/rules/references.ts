/** Whether the actors and sources that actions name are there to be named. */
import { actionReferenceProblems, referencedIds, type Action, type KnownIds } from '../../../contract';
import { ValidationError } from '../errors';
import type { RecordLookup } from './lookup';

const NONE: ReadonlySet<string> = new Set();

/**
 * The stored actors and sources among those the actions name. Ids the payload carries itself are
 * not asked about: the payload resolves them (documentProblems looks there first).
 */
export async function storedReferences(
  lookup: RecordLookup,
  actions: readonly Action[],
  inPayload: { actors: ReadonlySet<string>; sources: ReadonlySet<string>; actions?: ReadonlySet<string> } = { actors: NONE, sources: NONE },
): Promise<KnownIds> {
  const refs = referencedIds(actions);
  const actors = await lookup.existing(
    'actor',
    [...refs.actors].filter((id) => !inPayload.actors.has(id)),
  );
  const sources = await lookup.existing(
    'source',
    [...refs.sources].filter((id) => !inPayload.sources.has(id)),
  );
  const targets = await lookup.existing(
    'action',
    [...refs.actions].filter((id) => !inPayload.actions?.has(id)),
  );
  // Episodes are not a stored kind yet: every episode id is unknown until they are.
  return {
    hasActor: (id) => actors.has(id),
    hasSource: (id) => sources.has(id),
    hasEpisode: () => false,
    hasAction: (id) => targets.has(id),
  };
}

/** A single action written on its own: every reference must already be stored. */
export async function checkActionReferences(action: Action, lookup: RecordLookup): Promise<void> {
  const problems = actionReferenceProblems([action], await storedReferences(lookup, [action]), () => '');
  if (problems.length) throw new ValidationError(problems, 'unresolved references');
}
