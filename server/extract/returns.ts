/**
 * Restorations told without the one who restores: "X returned on Friday", "the ban was lifted",
 * "access to X was restored", "Y ended the block". The lexicon's entries for them name two roles
 * that only the whole report can fill, so they are placeholders while the sentences are read:
 * 'restorer', the actor who sanctioned the one restored (the last such sanction before, else the
 * first after: "X returned, a week after Y blocked it"); and 'sanctioned', the ones the last
 * sanction before cut off (by the same actor when it is named). A restoration whose placeholder
 * finds no sanction is dropped: a return with nothing to return from is no restoration. A third,
 * 'hitter', is the author of the sanction that hit the proposal's own actor ("Twitter, one of the
 * services cut off, said such shutdowns do harm": a claim against whoever cut Twitter off).
 */
import { categoryOf, type ActionType, type ProposedActorRef } from '../../contract';
import { same, type Reading } from './reading';
import type { Found } from './clauses';

/** The stand-ins for the two roles: no name a report can hold. */
export const RESTORER: ProposedActorRef = Object.freeze({ id: null, name: '\u0000restorer' });
export const SANCTIONED: ProposedActorRef = Object.freeze({ id: null, name: '\u0000sanctioned' });
export const HITTER: ProposedActorRef = Object.freeze({ id: null, name: '\u0000hitter' });

interface Act {
  type: ActionType;
  from: ProposedActorRef;
  to: ProposedActorRef;
  /** Where the verb is in the text. */
  at: number;
}

const isSanction = (a: Act) =>
  categoryOf(a.type) === 'sanction' && !same(a.from, RESTORER) && !same(a.to, SANCTIONED) && !same(a.to, HITTER);

/** `acts` with each placeholder filled from the sanctions among them, and those that find none left out. */
export function fillReturns<T extends Act>(acts: readonly T[]): T[] {
  const sanctions = acts.filter(isSanction);
  const out: T[] = [];
  for (const a of acts) {
    if (same(a.to, SANCTIONED)) {
      for (const s of lastSanction(sanctions, a))
        if (!out.some((o) => o.at === a.at && same(o.to, s.to)))
          out.push({ ...a, from: same(a.from, RESTORER) ? s.from : a.from, to: s.to });
    } else if (same(a.to, HITTER)) {
      const s = sanctionOf(sanctions, a.from, a.at);
      if (s && !same(s.from, a.from)) out.push({ ...a, to: s.from });
    } else if (same(a.from, RESTORER)) {
      const s = sanctionOf(sanctions, a.to, a.at);
      if (s) out.push({ ...a, from: s.from });
    } else out.push(a);
  }
  return out;
}

/**
 * The sanctions of the last sanctioning verb before `a` (by `a`'s actor when it names one): a list cut off together.
 * With none before, a named actor's first one after ("X lifted the suspension ... X had cut Y off on Monday").
 */
function lastSanction(sanctions: readonly Act[], a: Act): Act[] {
  const own = sanctions.filter((s) => same(a.from, RESTORER) || same(s.from, a.from));
  const before = own.filter((s) => s.at < a.at);
  const after = same(a.from, RESTORER) || a.type !== 'REINSTATED' ? [] : own.filter((s) => s.at > a.at);
  const at = before[before.length - 1]?.at ?? after[0]?.at;
  return own.filter((s) => s.at === at);
}

/** The sanction of `target`: the last one before `at`, else the first after it. */
function sanctionOf(sanctions: readonly Act[], target: ProposedActorRef, at: number): Act | null {
  const of = sanctions.filter((s) => same(s.to, target));
  return of.filter((s) => s.at < at).pop() ?? of.find((s) => s.at > at) ?? null;
}

/**
 * "WhatsApp and Viber were unblocked": a restoration in the passive with no agent named is by
 * whoever had sanctioned the ones restored, read so far; null when no sanction of theirs was.
 */
export function passiveRestorer(r: Reading, at: number, first: number, last: number, restored: readonly ProposedActorRef[]): Found | null {
  for (let i = r.sanctions.length - 1; i >= 0; i--) {
    const s = r.sanctions[i]!;
    if (s.at < at && restored.some((x) => same(x, s.to)) && !restored.some((x) => same(x, s.by)))
      return { actors: [s.by], first, last, inferred: true };
  }
  return null;
}
