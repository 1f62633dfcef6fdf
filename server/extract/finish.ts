/**
 * The last step of extraction: drafts of one act told more than once merged into one proposal,
 * keys given in text order, denials, suits and restorations linked to what they answer, and the
 * actors the proposals use listed with their mentions.
 */
import {
  categoryOf,
  type ExtractAnswer,
  type ProposedAction,
  type ProposedActor,
  type ProposedActorRef,
  type Status,
} from '../../contract';
import { answerDate } from './act-dates';
import type { Mention } from './actors';
import type { Anchor } from './dates';
import { same, type Reading } from './reading';
import { fold } from './text';

const ORDER: Record<Status, number> = { confirmed: 0, reported: 1, alleged: 2, disputed: 3 };

export interface Draft extends Omit<ProposedAction, 'key'> {
  /** Where the verb is, to order proposals as the text does. */
  at: number;
  /** An undated claim in a sentence that names a suit ("in its lawsuit, X claimed ..."): dated by X's suit, if dated. */
  inSuit?: boolean;
  /** Dated only by its tense ("has banned": the week before publication): a repeat dated by the text replaces it. */
  guessed?: boolean;
}

export const refKey = (a: ProposedActorRef) => a.id ?? `new:${fold(a.name)}`;

/** Repeats of one act merged, keys given in text order, responses linked, actors listed. */
export function finish(
  r: Reading,
  drafts: Draft[],
  party: (a: ProposedActorRef) => ProposedActorRef,
  anchor: Anchor | null,
): ExtractAnswer {
  for (const d of drafts) {
    if (!d.inSuit) continue;
    d.date = drafts.find((x) => x.type === 'SUED' && x.date && same(party(x.from), party(d.from)))?.date ?? null;
  }
  const merged = new Map<string, Draft>();
  for (const d of drafts.sort((a, b) => a.at - b.at)) {
    const key = `${d.type}|${refKey(d.from)}|${d.to.name === '' && !d.to.id ? '?' : refKey(d.to)}`;
    const prev = merged.get(key);
    if (!prev) {
      merged.set(key, { ...d, evidence: [...d.evidence] });
      continue;
    }
    for (const e of d.evidence) if (!prev.evidence.some((p) => p[0] === e[0] && p[1] === e[1])) prev.evidence.push(e);
    if (prev.guessed && d.date && !d.guessed) [prev.date, prev.guessed] = [d.date, false];
    prev.date ??= d.date;
    if (ORDER[d.status] < ORDER[prev.status]) {
      prev.status = d.status;
      prev.claimedBy = d.claimedBy;
    }
    prev.confidence = Math.max(prev.confidence, d.confidence);
  }
  const list = [...merged.values()];
  const keyed = list.map((d, i) => ({ ...d, key: `p${i + 1}` }));
  // A denial answers the claims against its author; with no such claim it names its object, or is dropped.
  for (const d of keyed) {
    if (d.type === 'DENIED') {
      // With no claim against it, a denial answers a suit against it ("called the suit baseless").
      const against = (type: string) => keyed.filter((c) => c.type === type && same(party(c.to), party(d.from)));
      const accused = against('ACCUSED');
      const claims = accused.length ? accused : against('SUED');
      d.respondsTo = claims.map((c) => c.key);
      if (claims.length && (!d.to.name || !claims.some((c) => same(c.from, d.to)))) d.to = claims[0]!.from;
      d.date ??= answerDate(claims, anchor);
    } else if (d.type === 'SUED' || d.type === 'MOVED_TO' || d.type === 'REINSTATED') {
      const target = d.type === 'REINSTATED' ? d.to : d.from;
      const actor = d.type === 'SUED' ? d.to : d.type === 'REINSTATED' ? d.from : null;
      d.respondsTo = keyed
        .filter(
          (c) =>
            c !== d &&
            ['sanction', 'notice'].includes(categoryOf(c.type)) &&
            same(c.to, target) &&
            (!actor || same(c.from, actor)) &&
            c.at < d.at,
        )
        .map((c) => c.key);
    }
  }
  const actions: ProposedAction[] = keyed
    .filter((d) => d.to.name !== '' || d.to.id !== null)
    .map(({ at: _at, inSuit: _inSuit, ...d }) => d);
  const kept = new Set(actions.map((a) => a.key));
  for (const a of actions) a.respondsTo = a.respondsTo.filter((k) => kept.has(k));
  return { actors: actorsOf(r.mentions, actions), actions };
}

/** Known actors named in the text, and new ones that take part in a proposal, with every mention. */
function actorsOf(mentions: Mention[], actions: ProposedAction[]): ProposedActor[] {
  const used = new Set(actions.flatMap((a) => [a.from, a.to, ...a.claimedBy].map(refKey)));
  const out = new Map<string, ProposedActor>();
  for (const m of mentions) {
    const key = refKey(m.actor);
    if (!m.actor.id && !used.has(key)) continue;
    const a = out.get(key) ?? { id: m.actor.id, name: m.actor.name, mentions: [] };
    a.mentions.push([m.start, m.end]);
    out.set(key, a);
  }
  return [...out.values()];
}
