/**
 * Other names of a person: "Tommy Lark, whose real name is Thomas Birch, ..." names one person
 * twice, so every mention of the second name is the first one's actor, and an act on "Birch"
 * later is an act on Lark. The cue words are in `rules/names.json` `aliasCues`.
 */
import type { ProposedActorRef } from '../../contract';
import type { Mention } from './actors';
import names from './rules/names.json';
import { fold, type Token } from './text';

const CUES = names.aliasCues.words.map((c) => c.split(' ')).sort((a, b) => b.length - a.length);
const ORGANISATION = new Set(names.accounts.organisationWords.words);

/** A known person, or a new name of two to four words none of which makes it an organisation. */
export function namedLikePerson(a: ProposedActorRef, kindOf: (id: string) => string | undefined): boolean {
  if (a.id) return kindOf(a.id) === 'person';
  return (
    /^[\p{L}'’-]+(?: [\p{L}'’-]+){1,3}$/u.test(a.name) &&
    !fold(a.name)
      .split(' ')
      .some((w) => ORGANISATION.has(w))
  );
}

// The cue must follow the earlier name closely: within this many tokens (an apposition such as ", the activist, whose").
const REACH = 12;

function cueBefore(tokens: Token[], first: number): string[] | undefined {
  return CUES.find((cue) => cue.every((w, i) => tokens[first - cue.length + i]?.norm === w));
}

/**
 * The mentions with each alias replaced by the person it names: the person named just before the
 * cue in its clause ("Jo Doe, born Joanna Smith"), else, after a noun for them ("The activist,
 * whose real name is ..."), the first person the report names. `isPerson` says which actors may
 * have another name (people, not companies: "Meta, formerly known as Facebook" is left alone).
 */
export function sameNames(
  text: string,
  tokens: Token[],
  mentions: readonly Mention[],
  kindOf: (id: string) => string | undefined,
): Mention[] {
  const isPerson = (a: ProposedActorRef) => namedLikePerson(a, kindOf);
  const alias = new Map<string, ProposedActorRef>();
  mentions.forEach((m, i) => {
    const cue = i > 0 && m.actor.id === null && isPerson(m.actor) ? cueBefore(tokens, m.first) : undefined;
    if (!cue) return;
    const before = mentions[i - 1]!;
    const near = m.first - before.last <= REACH && !/[.!?]\s/u.test(text.slice(before.end, m.start));
    // "whose real name is": the person a noun stood for ("The activist"), the report's first.
    const whose = tokens[m.first - cue.length - 1]?.norm === 'whose';
    const person =
      near && isPerson(before.actor) ? before.actor : whose ? mentions.slice(0, i).find((x) => isPerson(x.actor))?.actor : undefined;
    if (!person || person.name === m.actor.name) return;
    alias.set(m.actor.name, person);
  });
  if (!alias.size) return [...mentions];
  return mentions.map((m) => (m.actor.id === null && alias.has(m.actor.name) ? { ...m, actor: alias.get(m.actor.name)! } : m));
}
