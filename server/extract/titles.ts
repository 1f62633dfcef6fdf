/**
 * "the judge", "the senator", "the governor": a person known by the title the report gave them
 * ("Supreme Court Justice Jo Doe", "Senator Jo Doe", "the state's governor, Jo Doe"). The noun
 * stands for the last person introduced with a title of its group, not for whoever was named last.
 */
import type { ProposedActorRef } from '../../contract';
import type { Reading } from './reading';
import names from './rules/names.json';

const GROUP_OF = new Map<string, ReadonlySet<string>>(
  names.titleNouns.groups.flatMap((g) => {
    const set = new Set(g);
    return g.map((w) => [w, set] as const);
  }),
);
// How many words before a name its title may stand: "Supreme Court Justice", "the state's governor,".
const REACH = 3;

/** Whether `word` is a title noun that names a person by their office. */
export const isTitleNoun = (word: string) => GROUP_OF.has(word);

/** The last person before token `at` introduced with a title of the same group as `noun`; null if none. */
export function titledPerson(r: Reading, noun: string, at: number): ProposedActorRef | null {
  const group = GROUP_OF.get(noun);
  if (!group) return null;
  for (let k = r.mentionAt.length > 0 ? at - 1 : -1; k >= 0; k--) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    k = mention.first;
    // The title inside a known name ("Justice Jo Doe") or in the few words before it.
    for (let j = mention.first; j >= Math.max(0, mention.first - REACH); j--) {
      if (j < mention.first && r.mentionAt[j]! >= 0) break;
      if (group.has(r.norm(j))) return mention.actor;
    }
  }
  return null;
}
