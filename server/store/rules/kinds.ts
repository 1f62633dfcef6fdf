/**
 * What the rules know of each record kind. A new kind is an entry here (and its lookups and
 * writes in each store); the rules in records.ts and import.ts then apply to it unchanged.
 */
import { parseAction, parseActor, parseEpisode, parseSource, type Parsed } from '../../../contract';
import type { Counts } from '../types';
import type { RecordKind, RecordLookup, Records } from './lookup';
import { checkActionReferences } from './references';

interface KindRules<T> {
  parse(input: unknown): Parsed<T>;
  /** Its key in counts and in an interchange document. */
  plural: keyof Counts;
  /** How a refused delete names the actions that hold on to the record (none holds an action). */
  heldBy: string;
  /** What a record written on its own needs stored besides its id: for an action, its actors and sources. */
  checkReferences?(record: T, lookup: RecordLookup): Promise<void>;
}

export const KINDS: { [K in RecordKind]: KindRules<Records[K]> } = {
  actor: { parse: parseActor, plural: 'actors', heldBy: 'is referenced by' },
  source: { parse: parseSource, plural: 'sources', heldBy: 'is cited by' },
  episode: { parse: parseEpisode, plural: 'episodes', heldBy: 'groups' },
  action: { parse: parseAction, plural: 'actions', heldBy: 'is responded to by', checkReferences: checkActionReferences },
};
