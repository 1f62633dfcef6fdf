/**
 * How the report holds a proposed act: done, announced (a notice), asked for or denied (no act),
 * and who vouches for it: the source itself or the acting party (confirmed), a third party the
 * source only relays (reported), a party that claims it (alleged, claimed by that party).
 */
import type { ProposedActorRef, Status } from '../../contract';
import { attribution, formSet } from './lexicon';
import type { Clause, Found } from './clauses';
import type { Reading } from './reading';
import { fold, type Sentence } from './text';

export type Modality = 'event' | 'future' | 'irrealis' | 'negated';

const phraseRe = (list: readonly string[]) =>
  new RegExp(
    `(?:^|[^\\p{L}'’])(?:${list
      .map((p) =>
        fold(p)
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/'/g, "['’]"),
      )
      .join('|')})(?=$|[^\\p{L}])`,
    'u',
  );

const FUTURE = phraseRe(attribution.future.phrases);
const IRREALIS = phraseRe(attribution.irrealis.phrases);
const NEGATION = phraseRe(attribution.negation.phrases);
const HEARSAY = phraseRe(attribution.hearsay.phrases);
const INFINITIVE_OK = new Set(attribution.infinitiveOk.words);
const RANKED = new Set(attribution.rankedInfinitive.words);
const INTENT = new Set(attribution.intentVerbs.words);
const REPORTING = formSet(attribution.reportingVerbs.verbs);
const CLAIMING = formSet(attribution.claimVerbs.verbs);
const CONFIRMING = formSet(attribution.confirmingVerbs.verbs);
const STATE_AUX = new Set(attribution.stateAux.words);

// "on May 4", "in May": the month, not the modal that makes an act a mere possibility.
const MONTH_MAY =
  /\bMay(?=\s+\d)|(?<=\b(?:[Ii]n|[Oo]n|[Ss]ince|[Uu]ntil|of|by|[Ee]arly|[Ll]ate|mid|[Ll]ast|[Tt]his|[Nn]ext|through|[Ff]rom)\s+)May\b/gu;

/** Read from the few words before the verb in its clause. */
export function modalityOf(r: Reading, clause: Clause, first: number): Modality {
  // "whether Google, which dropped the app, will follow": a relative clause has its own modality.
  const relative = r.relativeStart[first] ?? -1;
  let from = Math.max(clause.start, first - 5, relative >= 0 && relative < first ? relative : 0);
  // "said he would appeal and described the ban as ...": a past tense after "and" and a bare verb is a
  // predicate of its own, outside the modal ("will be suspended and removed" stays inside it).
  if (/ed$/u.test(r.norm(first)))
    for (let k = first - 1; k > from; k--)
      if (['and', 'but'].includes(r.norm(k)) && !/(?:ed|en)$/u.test(r.norm(k - 1))) {
        from = k + 1;
        break;
      }
  // "barred X from suing Y", "kept it from blocking Z": what one is kept from doing is not done.
  if (r.norm(first - 1) === 'from' && r.norm(first).endsWith('ing')) return 'irrealis';
  if (from >= first) return 'event';
  const window = fold(r.text.slice(r.tokens[from]!.start, r.tokens[first]!.start).replace(MONTH_MAY, 'month'));
  if (NEGATION.test(window)) return 'negated';
  if (IRREALIS.test(window)) return 'irrealis';
  // "would stay suspended": the modal governs keeping a state that already holds, not a new act.
  if (FUTURE.test(window)) return STATE_AUX.has(r.norm(first - 1)) ? 'event' : 'future';
  // "the latest company to ban X" tells a ban done.
  const ranked = RANKED.has(r.norm(first - 2)) || RANKED.has(r.norm(first - 3));
  if (r.norm(first - 1) === 'to' && first - 1 >= clause.start && !INFINITIVE_OK.has(r.norm(first - 2)) && !ranked) return 'irrealis';
  return 'event';
}

/** "intends to <verb at `first`>", "vowed to ...": an act announced as meant. */
export function intended(r: Reading, first: number): boolean {
  return r.norm(first - 1) === 'to' && INTENT.has(r.norm(first - 2));
}

export interface Voice {
  status: Status;
  claimedBy: ProposedActorRef[];
}

/**
 * The speaker of the nearest saying or claiming verb before the act in its sentence decides:
 * the acting party itself, or nobody, leaves the act confirmed; a claim makes it alleged; anyone
 * else saying it, or hearsay words, make it reported.
 */
export function voiceOf(
  r: Reading,
  s: Sentence,
  clauseStart: number,
  first: number,
  from: ProposedActorRef[],
  speakerOf: (verb: number) => ProposedActorRef | null,
): Voice {
  for (let k = first - 1; k >= clauseStart; k--) {
    const w = r.norm(k);
    if (!REPORTING.has(w) && !CONFIRMING.has(w)) continue;
    const speaker = speakerOf(k);
    if (!speaker) continue;
    const isActor = from.some((f) => (f.id ?? f.name) === (speaker.id ?? speaker.name));
    if (CONFIRMING.has(w) || isActor) return { status: 'confirmed', claimedBy: [] };
    if (CLAIMING.has(w)) return { status: 'alleged', claimedBy: [speaker] };
    return { status: 'reported', claimedBy: [] };
  }
  if (HEARSAY.test(fold(r.text.slice(s.start, s.end)))) return { status: 'reported', claimedBy: [] };
  return { status: 'confirmed', claimedBy: [] };
}

/** Is token `k` a verb of the acting party's own statement ("confirmed")? */
export function isConfirming(r: Reading, k: number): boolean {
  return CONFIRMING.has(r.norm(k));
}

/** Is token `k` a saying or claiming verb? */
export function isSaying(r: Reading, k: number): boolean {
  return REPORTING.has(r.norm(k)) || CLAIMING.has(r.norm(k));
}

const TELLING = formSet(attribution.tellingVerbs.verbs);

/** Is token `k` a verb whose object is told something ("told Parler it would")? */
export function isTelling(r: Reading, k: number): boolean {
  return TELLING.has(r.norm(k));
}

// How far back a quotation's opening mark is looked for, in characters: a paragraph or two.
const QUOTE_REACH = 2000;

/**
 * Inside a quotation introduced by a colon ('Amazon responded in a statement: "... incites
 * violence ..."'), the words are the introducer's: the first actor of the introducing sentence
 * that is not acted upon or governed by a preposition. Null outside such a quotation.
 */
export function quoteSpeaker(r: Reading, at: number): Found | null {
  const pos = r.tokens[at]!.start;
  const from = Math.max(0, pos - QUOTE_REACH);
  const before = r.text.slice(from, pos);
  // The last opening mark with no closing mark after it: curly marks pair by shape, straight ones by count.
  const curly = before.lastIndexOf('“');
  let open = curly > before.lastIndexOf('”') ? curly : -1;
  if (open < 0 && (before.match(/"/g)?.length ?? 0) % 2 === 1) open = before.lastIndexOf('"');
  if (open < 0) return null;
  const colon = /:\s*$/u.exec(before.slice(Math.max(0, open - 200), open));
  if (!colon) return null;
  const colonAt = from + Math.max(0, open - 200) + colon.index;
  const s = r.sentenceAtChar(colonAt);
  if (!s) return null;
  for (let k = s.first; k < s.last; k++) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    if (!r.actedUpon(mention) && !GOVERNED_BY.has(r.norm(mention.first - 1)))
      return { actors: [mention.actor], first: mention.first, last: mention.last, inferred: true };
    k = mention.last - 1;
  }
  return null;
}

const GOVERNED_BY = new Set(['of', 'from', 'to', 'by', 'against', 'for', 'on', 'at', 'in', 'with', 'into', 'about']);
