/**
 * documentProblems (contract/validate.ts) in stretches with turns of the event loop between them:
 * the same problems in the same order, for documents of tens of thousands of records.
 */
import { actionReferenceProblems, type Action, type InterchangeDocument, type KnownIds, type Problem } from '../../../contract';
import type { Turns } from '../../loop-turn';

/** Records checked between two looks at the clock. */
const CHUNK = 1000;

export interface PayloadIds {
  actors: ReadonlySet<string>;
  sources: ReadonlySet<string>;
  episodes: ReadonlySet<string>;
  actions: ReadonlySet<string>;
}

async function duplicates(records: ReadonlyArray<{ id: string }>, key: string, problems: Problem[], turns: Turns): Promise<void> {
  const seen = new Map<string, number>();
  await turns.chunks(records, CHUNK, (part, offset) => {
    part.forEach((r, j) => {
      const first = seen.get(r.id);
      if (first !== undefined)
        problems.push({ path: `${key}[${offset + j}].id`, message: `duplicate id "${r.id}" (also ${key}[${first}])` });
      else seen.set(r.id, offset + j);
    });
  });
}

/** Duplicate ids and unresolved references of a valid document, references resolved in the payload first. */
export async function documentProblemsInTurns(
  doc: InterchangeDocument,
  given: PayloadIds,
  stored: KnownIds,
  turns: Turns,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  await duplicates(doc.actors ?? [], 'actors', problems, turns);
  await duplicates(doc.sources ?? [], 'sources', problems, turns);
  await duplicates(doc.episodes ?? [], 'episodes', problems, turns);
  await duplicates(doc.actions ?? [], 'actions', problems, turns);
  const known: KnownIds = {
    hasActor: (id) => given.actors.has(id) || stored.hasActor(id),
    hasSource: (id) => given.sources.has(id) || stored.hasSource(id),
    hasEpisode: (id) => given.episodes.has(id) || stored.hasEpisode(id),
    hasAction: (id) => given.actions.has(id) || stored.hasAction(id),
  };
  await turns.chunks<Action>(doc.actions ?? [], CHUNK, (part, offset) => {
    problems.push(...actionReferenceProblems(part, known, (i) => `actions[${offset + i}]`));
  });
  return problems;
}
