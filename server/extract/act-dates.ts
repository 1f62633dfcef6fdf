/**
 * Which of a sentence's dates belong to an act: a date written for another act or for the saying
 * that reports it does not date the act, a claim or a suit told in the present is dated by
 * publication, and an undated answer lies between the claims it answers and publication.
 */
import { categoryOf, isParsedDate, parseDate } from '../../contract';
import { isSaying, isTelling } from './attribution';
import type { Clause } from './clauses';
import { edtf, type Anchor, type FoundDate } from './dates';
import dateRules from './rules/dates.json';
import type { Trigger } from './lexicon';
import type { Reading } from './reading';
import type { Sentence } from './text';

const DAY = 86_400_000;
const PRESENT_AUXILIARIES = new Set(['is', 'are', 'am']);
const RECENT = dateRules.recent.days * DAY;
const PERFECT = new Set(['has', 'have', "'s", "'ve"]);
// Words that may stand between an auxiliary and its verb ("has permanently banned", "has now been removed").
const BETWEEN = /^(?:\p{L}+ly|now|already|also|just|since|been|being)$/u;
/**
 * Is date `d`, written after the act at `at`, the date of a noun a participle describes ("..., the
 * law signed on April 11")? Not when the participle is an act or saying verb of the lexicon.
 */
function describesNoun(r: Reading, s: Sentence, d: FoundDate, at: number): boolean {
  if (d.start <= at || d.describes === undefined) return false;
  const p = d.start - d.describes;
  for (let k = s.first; k < s.last; k++) if (r.tokens[k]!.start === p) return !r.verbs.has(k) && !isSaying(r, k) && !isTelling(r, k);
  return false;
}

/** The auxiliary before the act's verb, over adverbs and "been": the index of "has" in "has now been removed", or -1. */
function auxiliary(r: Reading, s: Sentence, t: Trigger): number {
  for (let k = t.first - 1; k >= Math.max(s.first, t.first - 4); k--) if (!BETWEEN.test(r.norm(k))) return k;
  return -1;
}

/**
 * An act told in the present perfect or as under way ("X has banned Y", "Y has been thrown off
 * X", "X is cutting off Y") with no date of its own or before it is news as the report is
 * written: an honest interval of the days just before publication, not a day.
 */
export function recent(r: Reading, s: Sentence, t: Trigger, anchor: Anchor | null): FoundDate | null {
  if (!anchor || categoryOf(t.rule.type) === 'claim') return null;
  const days: FoundDate = { start: 0, end: 0, first: anchor.first - RECENT, last: anchor.last, precision: 'day', guessed: true };
  // A phrase that opens with a present tense ("can post on ... again", "is back on ..."): a state the act has just made.
  const opening = r.norm(t.first);
  if (t.last - t.first > 1 && (opening === 'can' || PRESENT_AUXILIARIES.has(opening))) return days;
  const k = auxiliary(r, s, t);
  if (k < 0) return null;
  const aux = r.norm(k);
  return PERFECT.has(aux) || (PRESENT_AUXILIARIES.has(aux) && opening.endsWith('ing')) ? days : null;
}

/**
 * An act told in the past perfect ("while Y had complained", "X had been cut off") lies before the
 * time the sentences before it stand at: it takes none of their dates. In reported words ("X
 * confirmed that Y had been banned") the tense only follows the saying verb's, and it may.
 */
export function looksBack(r: Reading, s: Sentence, t: Trigger): boolean {
  const k = auxiliary(r, s, t);
  if (k < 0 || r.norm(k) !== 'had') return false;
  for (let j = k - 1; j >= s.first && !r.gap(j, j + 1).includes(','); j--)
    if (r.norm(j) === 'that' || isSaying(r, j) || isTelling(r, j)) return false;
  return true;
}

/**
 * A claim or a suit told in the present ("Parler alleges", "Parler is suing", "goes on to
 * allege") with no date of its own is being made as the report is published: it takes the
 * publication date. Past tenses are left undated, since they may be far older than the report.
 * A claim read from the speaker's words ("X claims Y conspired") has the tense of the saying
 * verb; a participle after a comma ("X sues Y, claiming ...") that of the verb before the comma.
 */
export function ongoing(r: Reading, s: Sentence, t: Trigger, anchor: Anchor | null): FoundDate | null {
  if (!anchor || !['claim', 'legal'].includes(categoryOf(t.rule.type))) return null;
  let k = t.first;
  if (t.rule.from === 'speaker') {
    k = -1;
    for (let j = t.first - 1; j >= s.first && k < 0; j--) if (isSaying(r, j)) k = j;
    if (k < 0) return null;
  }
  const present = (k: number): boolean => {
    const verb = r.norm(k);
    const before = r.norm(k - 1);
    if (verb.endsWith('ing') && k > s.first && r.gap(k - 1, k).includes(',')) {
      for (let j = k - 1; j >= s.first; j--) if (r.verbs.has(j)) return j !== k && present(j);
      return false;
    }
    // "goes on to allege", "seeks to claim": the tense of the verb before "to".
    const lead = before === 'to' ? (r.norm(k - 2) === 'on' ? k - 3 : k - 2) : -1;
    return (
      (/[^s]s$/.test(verb) && !verb.endsWith('ss')) ||
      (verb.endsWith('ing') && PRESENT_AUXILIARIES.has(before)) ||
      (lead >= s.first && /[^s]s$/.test(r.norm(lead)))
    );
  };
  return present(k) ? { start: 0, end: 0, first: anchor.first, last: anchor.last, precision: 'day' } : null;
}

/**
 * An act told in someone's words as older than the words ("the complaint alleges that Amazon
 * terminated ...", "said that Amazon had cut ...") is not dated by the sentence before, which
 * tells when the words were said. An act told as under way when said ("then said that 8chan was
 * switching to ...") still is.
 */
export function reported(r: Reading, s: Sentence, t: Trigger): boolean {
  if (categoryOf(t.rule.type) === 'claim') return false;
  let k = t.first - 1;
  while (k >= s.first && !isSaying(r, k) && !isTelling(r, k)) k--;
  if (k < s.first) return false;
  for (let j = Math.max(k + 1, t.first - 3); j < t.first; j++) if (r.norm(j) === 'had') return true;
  const saying = r.norm(k);
  return /[^s]s$/.test(saying) && !saying.endsWith('ss');
}

/** The answer of datesOfAct for an act that takes no date from its sentence or the ones before. */
export const NO_DATES: FoundDate[] = [];

/**
 * The dates of sentence `s` that may date the act at `t`. A limit ("until Friday") dates no act.
 * A date outside the act's clause dates it only when no other act verb comes between ("whose
 * pages had been taken down in August, ...; Instagram removed it" is not dated August). A date
 * before the act's clause with a saying or telling verb between them is the saying's
 * ("A suit filed on Monday claimed that Amazon had cancelled ..."), unless the act is a claim
 * read from that saying. The act a suit or a claim is about ("sued Amazon on Monday for
 * terminating its account") came before it: it takes only a date written after its own verb.
 */
export function datesOfAct(r: Reading, s: Sentence, t: Trigger, clause: Clause, dates: FoundDate[]): FoundDate[] {
  const at = r.tokens[t.first]!.start;
  const kept = dates.filter((d) => !d.limit);
  if (r.norm(t.first - 1) === 'for' && r.norm(t.first).endsWith('ing')) {
    const after = kept.filter((d) => d.start > at && d.end <= r.tokens[clause.end - 1]!.end);
    return after.length ? after : NO_DATES;
  }
  if (categoryOf(t.rule.type) === 'claim') return kept;
  const cs = r.tokens[clause.start]!.start;
  const ce = r.tokens[clause.end - 1]!.end;
  // A saying or telling verb between an earlier date and the act: the date is the saying's.
  const saidBetween = (d: FoundDate) => {
    for (let k = s.first; k < s.last; k++) {
      const p = r.tokens[k]!.start;
      if (p >= d.end && p < at && (isSaying(r, k) || isTelling(r, k))) return true;
    }
    return false;
  };
  const pastPerfect = [t.first - 1, t.first - 2, t.first - 3].some((k) => k >= s.first && r.norm(k) === 'had');
  const mine = kept.filter((d) => {
    if (describesNoun(r, s, d, at)) return false;
    // In the clause, only an act told as older than the saying ("claimed that Y had cut off Z") loses the saying's date.
    if (d.start >= cs && d.end <= ce) {
      if (pastPerfect && d.start < at && saidBetween(d)) return false;
      // "blocked X in May and unblocked it on Friday": a date after an earlier act of the same clause is that act's,
      // when the clause has a date after this one's verb.
      return !(d.start < at && !d.leads && actBefore(r, s, d.start) >= 0 && kept.some((e) => e.start > at && e.end <= ce));
    }
    // "on Tuesday, when the commission ordered ...": the day just before "when" is the day of the act it opens.
    if (whenOpens(r, clause, d)) return true;
    // Outside the clause, a date belongs to the last act verb before it ("X had blocked him on Thursday, and Y
    // disabled ..." dates X's act); one before every act verb ("On Monday X ..., and Y ...") to all of them.
    // "..., a day after Google removed the app": the act told after it.
    let owner = -1;
    for (let k = s.first; k < s.last && (d.leads ? owner < 0 : r.tokens[k]!.start < d.start); k++)
      if (r.verbs.has(k) && !isSaying(r, k) && !isTelling(r, k) && (!d.leads || r.tokens[k]!.start > d.end)) owner = k;
    if (owner >= 0 && (owner < t.first || owner >= t.last)) return false;
    return d.start >= at || !saidBetween(d);
  });
  // The sentence's dates are all the saying's, or another act's: the act is undated rather than given the sentence
  // before's. A look back in the past perfect ("whose pages had been taken down in August") is no one's time now.
  return mine.length || kept.every((d) => d.flashback) ? mine : NO_DATES;
}

/** The last act verb of sentence `s` before character `pos`, or -1 when none is or a saying or telling verb comes after it. */
function actBefore(r: Reading, s: Sentence, pos: number): number {
  let owner = -1;
  for (let k = s.first; k < s.last && r.tokens[k]!.start < pos; k++) {
    if (isSaying(r, k) || isTelling(r, k)) owner = -1;
    else if (r.verbs.has(k)) owner = k;
  }
  return owner;
}

/** The clause is opened by "when" right after the date `d` and a comma. */
function whenOpens(r: Reading, clause: Clause, d: FoundDate): boolean {
  const when = clause.start - 1;
  // The date's span may take the comma in ("on Tuesday,").
  return when > 0 && r.norm(when) === 'when' && /^\s*,\s*$/u.test(r.text.slice(d.end - 1, r.tokens[when]!.start).replace(/^[^,]/u, ''));
}

/** The date written nearest the verb, preferring one in its clause. */
export function dateNear(dates: FoundDate[], at: number, clause: Clause, r: Reading): FoundDate | null {
  if (!dates.length) return null;
  const cs = r.tokens[clause.start]!.start;
  const ce = r.tokens[clause.end - 1]!.end;
  const inClause = dates.filter((d) => d.start >= cs && d.end <= ce);
  const pool = inClause.length ? inClause : dates;
  return pool.reduce((best, d) => (Math.abs(d.start - at) < Math.abs(best.start - at) ? d : best));
}

/**
 * An undated answer to dated claims ("Amazon responded to the lawsuit: ...") came after the
 * latest of them and before publication: that interval, when publication is known.
 */
export function answerDate(claims: ReadonlyArray<{ date: string | null }>, anchor: Anchor | null): string | null {
  if (!anchor) return null;
  // It follows every claim it answers, so the latest of those dated bounds it even when some are undated.
  const starts = claims
    .map((c) => (c.date ? parseDate(c.date) : null))
    .map((p) => (p && isParsedDate(p) ? p.local.start : NaN))
    .filter((x) => Number.isFinite(x));
  if (!starts.length) return null;
  const first = Math.floor(Math.max(...starts) / DAY) * DAY;
  return first <= anchor.last ? edtf({ first, last: anchor.last, precision: 'day' }) : null;
}
