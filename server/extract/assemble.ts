/**
 * From a report to proposals: reads each sentence that holds a lexicon entry, finds the actors
 * around it, decides type, status and date, then merges repeats and links responses (a denial to
 * the claims it answers, a suit or a move to the cut-off it follows).
 */
import { withoutTeams } from './teams';
import { governments, knownGovernment } from './governments';
import { withoutPlaces } from './places';
import { describedActors } from './descriptions';
import { appositionTarget, barredFrom } from './appositions';
import { ordersIn } from './orders';
import { nominalActs, priorTarget } from './nominal';
import { placeAgent } from './countries';
import { answeredParty, courtActor, courtActs, courtBefore, courtReferenced, isCourt, reviewedParty } from './courts';
import { markSpans } from './spans';
import { claimEnd, groupRelative, sharesSubject } from './content';
import { intended } from './attribution';
import { categoryOf, type ActionType, type ExtractAnswer, type ProposedActorRef } from '../../contract';
import { accountAfter, accountOwner, causative } from './accounts';
import { peopleGroupTarget } from './plurals';
import { ownedCompounds } from './compounds';
import { ownedRelatives } from './ownership';
import { openerOf } from './openers';
import { memberSubject, withMembers } from './members';
import { ownedBesideNouns } from './owned-names';
import { fillReturns, HITTER, passiveRestorer, RESTORER, SANCTIONED } from './returns';
import { alsoAgent, repeatsIn } from './repeats';
import { personOrganisations } from './organisations';
import { sameNames } from './aliases';
import { domainMentions, insideLongerNames, properNouns, type ActorIndex } from './actors';
import { isConfirming, isSaying, isTelling, modalityOf, quoteSpeaker, voiceOf } from './attribution';
import {
  afterPreposition,
  agentReference,
  clauseOf,
  coordinatedPassive,
  isPassive,
  nearestBefore,
  objectOf,
  sentenceSubject,
  subjectOf,
  type Clause,
  type Found,
} from './clauses';
import { Reading, same } from './reading';
import { dateNear, datesOfAct, looksBack, NO_DATES, ongoing, recent, reported } from './act-dates';
import { DateReader, edtf, later, type Anchor, type FoundDate } from './dates';
import dateRules from './rules/dates.json';
import { FALLBACK_SCALE, fallbackApplies, fallbackRoles, TagBudget, type FallbackRoles } from './fallback';
import { attribution, IMPLIED, LEXICON, type Rule, type Trigger } from './lexicon';
import { fold, sentences, tokenize, type Sentence } from './text';
import { toUnits, unitsNamed } from './units';
import { finish, refKey, type Draft } from './finish';

/** Bounds that keep one request's work and answer proportionate, whatever the text. */
export const MAX_PROPOSALS = 500;

const AGENT_PREPS = new Set(attribution.agentPrepositions.words);
const BY = new Set(['by']);
const DAY = 86_400_000;
const CARRY_WIDEN = dateRules.carried.widenDays * DAY;
const CARRY_REACH = dateRules.carried.reach;

export function extract(text: string, index: ActorIndex, anchor: Anchor | null): ExtractAnswer {
  const tokens = tokenize(text);
  const sents = sentences(text, tokens);
  const breaks = new Set(sents.map((s) => s.first));
  const known = insideLongerNames(text, tokens, breaks, index.find(text, tokens, breaks), (id) => index.kindOf(id));
  const named = [...known, ...properNouns(text, tokens, breaks, known, (id) => index.kindOf(id))];
  // "the company's Trust and Safety team" is the company: not a name of its own.
  const teams = withoutTeams(text, tokens, [...named, ...domainMentions(tokens, named, (n) => index.lookup(n))]).sort(
    (a, b) => a.first - b.first,
  );
  const kindOf = (id: string) => index.kindOf(id);
  // "the Ugandan government" is one actor; "Northern California" none; "the authority", "the club": the actor so named before.
  const countries = withoutPlaces(
    text,
    tokens,
    governments(text, tokens, teams, (n) => index.lookup(n), kindOf),
  );
  const mentions = personOrganisations(
    text,
    tokens,
    describedActors(text, tokens, countries, kindOf),
    // A new name of two words or more may be a person's ("Jane Roe's campaign"); a lone word is more often a site's.
    (a) => (a.id ? index.kindOf(a.id) === 'person' : a.name.includes(' ')),
  );
  // "X, whose real name is Y": Y is X.
  const r = new Reading(
    text,
    tokens,
    sents,
    sameNames(text, tokens, mentions, (id) => index.kindOf(id)),
    (id) => index.kindOf(id),
  );
  r.governmentOf = (country) => knownGovernment(country, (n) => index.lookup(n));
  const found = sents.map((s) => {
    const sentence = text.slice(s.start, s.end);
    // A court's reading of a verb ("barred X from") only where a court or judge is its nearest actor.
    const court = (rule: Rule, first: number) => !rule.fromCourts || courtActs(r, s, first);
    return LEXICON.triggers(tokens, s.first, s.last, (rule, first) => applies(rule, sentence) && court(rule, first));
  });
  markVerbs(r, found);
  const drafts: Draft[] = [];
  const tags = new TagBudget();
  const dates = new DateReader(text, sents, anchor);
  const datesOf = (s: Sentence) => dates.of(s);
  for (let si = 0; si < sents.length && drafts.length < MAX_PROPOSALS; si++) {
    const s = sents[si]!;
    const lookBack = sents[Math.max(0, si - 2)]!.first;
    // Without a date of its own, a sentence takes the last one written in the few before it, in its paragraph;
    // not a limit or the day an announced act takes effect ("effective Sunday"), nor a look back in the past perfect
    // ("whose pages had been taken down in August"), which are not when the narrative stands.
    const earlier = () => {
      for (let j = si - 1; j >= Math.max(0, si - CARRY_REACH); j--) {
        if (/\n\s*\n/.test(text.slice(sents[j]!.end, sents[j + 1]!.start))) break;
        const d = datesOf(sents[j]!).filter((x) => !x.limit && !x.flashback && !x.leads && x.describes === undefined);
        const c = d[d.length - 1];
        if (!c) continue;
        // Carried, a recent day is only a lower bound: the act may have followed it up to publication.
        return anchor && c.precision === 'day' && c.last <= anchor.last && anchor.last - c.last <= CARRY_WIDEN
          ? { ...c, last: anchor.last }
          : c;
      }
      return null;
    };
    const here: Draft[] = [];
    let noted = 0;
    // A suit later in the sentence answers a sanction before it ("X's ban on Y has reached the court, where Z filed ...").
    const got = (proposed: Draft[]) => {
      here.push(...proposed);
      for (const d of proposed) if (categoryOf(d.type) === 'sanction') r.sanctions.push({ at: d.at, by: d.from, to: d.to, date: d.date });
      noted = here.length;
    };
    const unread: Trigger[] = [];
    const orders = ordersIn(r, s, found[si]!, lookBack, (id) => index.kindOf(id));
    const person = (a: ProposedActorRef) => (a.id ? index.kindOf(a.id) === 'person' : r.people.has(a.name));
    const nominal = nominalActs(r, s, lookBack, person, (by) => priorTarget(drafts, by));
    // Read first: a suit or a restoration later in the sentence answers the sanction a noun tells ("X's ban on Y has reached the court").
    for (const n of nominal)
      got(read(r, s, n.t, lookBack, index, datesOf, earlier, anchor, n.roles).map((d) => (n.dated ? d : { ...d, date: null })));
    for (const t of found[si]!) {
      // "ordered the app suspended across the country": the participle is the order's act, not the app's.
      // "Zorvo's ban on Quux": the noun is read as one (nominal.ts), not as a verb.
      if (orders.some((o) => o.made === t.first) || (t.verb && nominal.some((n) => n.noun === t.first))) continue;
      const proposed = read(r, s, t, lookBack, index, datesOf, earlier, anchor);
      if (!proposed.length && fallbackApplies(t)) unread.push(t);
      got(proposed);
    }
    // "ordered X to block Y", "ordered Y suspended": the order and the act it makes of the verb after it.
    for (const o of orders) here.push(...read(r, s, o.t, lookBack, index, datesOf, earlier, anchor, o.roles));
    // A verb the rules found no actors for, in a clause where they proposed nothing: read by position.
    for (const t of unread) {
      const clause = clauseOf(r, s, t.first, t.last);
      const [from, to] = [r.tokens[clause.start]!.start, r.tokens[clause.end - 1]!.end];
      if (here.some((d) => d.at >= from && d.at <= to)) continue;
      const roles = fallbackRoles(r, s, t, clause, lookBack, tags);
      if (roles) here.push(...read(r, s, t, lookBack, index, datesOf, earlier, anchor, roles));
    }
    // "Google did the same that evening": the last act again, by another actor.
    const written = (at: number, clause: Clause) => {
      const [from, to] = [r.tokens[clause.start]!.start, r.tokens[clause.end - 1]!.end];
      const own = datesOf(s).filter((x) => !x.limit && x.start >= from && x.end <= to);
      const d = own.find((x) => x.start > at) ?? own.filter((x) => x.start < at).pop();
      return d ? edtf(d) : null;
    };
    here.push(...repeatsIn(r, s, lookBack, [...drafts, ...here], written));
    drafts.push(...here);
    for (const d of here.slice(noted))
      if (categoryOf(d.type) === 'sanction') r.sanctions.push({ at: d.at, by: d.from, to: d.to, date: d.date });
  }
  for (const o of [...ownedCompounds(r, (n) => index.lookup(n)), ...ownedRelatives(r), ...ownedBesideNouns(r)]) {
    const span: [number, number] = [r.tokens[o.first]!.start, r.tokens[o.last - 1]!.end];
    const base = { date: null, status: 'confirmed' as const, claimedBy: [], respondsTo: [], evidence: [span], at: span[0] };
    drafts.push({ ...base, type: 'OWNS', from: o.owner, to: o.owned, confidence: round(0.5 * (o.owned.id ? 1 : 0.85)) });
  }
  const unitOf = unitsNamed(r.mentions, index);
  // A denial by the parent answers the claims aimed at its unit.
  const party = (a: ProposedActorRef) => (a.id && unitOf.get(a.id)) || a;
  return finish(r, toUnits(fillReturns(drafts).slice(0, MAX_PROPOSALS), unitOf), party, anchor);
}

function applies(rule: Rule, sentence: string): boolean {
  // Whole words only: "store" is not in "restored", "app" not in "Apple".
  const f = ` ${fold(sentence).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const has = (w: string) => f.includes(` ${w.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `);
  if (rule.when.length && !rule.when.some(has)) return false;
  return !rule.unless.some(has);
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'such', 'any', 'no', 'our']);

/**
 * Marks the lexicon's verbs and the saying verbs, and picks the report's topic: the actor named
 * most, counting twice more each time it is named right after a sanction or a notice.
 */
function markVerbs(r: Reading, found: Trigger[][]): void {
  const bonus = new Map<string, number>();
  for (const triggers of found) {
    for (const t of triggers) r.verbs.add(t.first);
  }
  markSpans(r, found);
  for (const [si, triggers] of found.entries()) {
    const s = r.sentences[si]!;
    for (const t of triggers) {
      if (!['sanction', 'notice'].includes(categoryOf(t.rule.type))) continue;
      const m = modalityOf(r, clauseOf(r, s, t.first, t.last), t.first);
      if (m === 'negated' || m === 'irrealis') continue;
      for (let k = t.first + 1; k < Math.min(r.tokens.length, t.last + 4); k++) {
        const m = r.mentionAt[k]!;
        if (m < 0) continue;
        const key = refKey(r.mentions[m]!.actor);
        bonus.set(key, (bonus.get(key) ?? 0) + 2);
        break;
      }
    }
  }
  for (let k = 0; k < r.tokens.length; k++) if (isTelling(r, k)) r.verbs.add(k);
  r.chooseTopic(bonus);
}

function read(
  r: Reading,
  s: Sentence,
  t: Trigger,
  lookBack: number,
  index: ActorIndex,
  datesOf: (s: Sentence) => FoundDate[],
  earlier: () => FoundDate | null,
  anchor: Anchor | null,
  /** Roles read by position (fallback.ts): they replace the rules' and lower the confidence. */
  fallback?: FallbackRoles,
): Draft[] {
  // "the ban", "its suspension": a noun, not an act.
  // "that banned" is a relative clause's verb, not "that ban".
  const relative = r.norm(t.first - 1) === 'that' && memberSubject(r, s, t.first) !== null;
  if (t.verb && DETERMINERS.has(r.norm(t.first - 1)) && !relative) return [];
  // "the government's ban on X": after a possessive, a noun too.
  if (t.verb && r.isApostropheS(t.first - 1)) return [];
  // "the Union of Turkish Bar Associations": a word inside a name is no verb.
  if (t.verb && r.mentionAt[t.first]! >= 0) return [];
  // "Dropped by Reddit in May, Gab moved ...": the opening phrase is the act's clause, the main subject one of its roles.
  const opener = t.rule.from === 'subject' && t.rule.to === 'object' ? openerOf(r, s, t) : null;
  const clause = opener ? { start: s.first, end: opener.end } : clauseOf(r, s, t.first, t.last);
  const modality = modalityOf(r, clause, t.first);
  // "intends to sue X", "would sue X": a suit announced is a warning of legal action.
  const threat = t.rule.type === 'SUED' && (modality === 'future' || (modality === 'irrealis' && intended(r, t.first)));
  if (modality === 'negated' || (modality === 'irrealis' && !threat)) return [];
  let type: ActionType = threat ? 'WARNED' : t.rule.type;
  const sanction = categoryOf(type) === 'sanction';
  // "said it would no longer feature X": a decision that takes effect, not a warning.
  const decided = r.norm(t.first) === 'no' && r.norm(t.first + 1) === 'longer';
  if (modality === 'future' && !decided && !t.rule.keepFuture) {
    if (!sanction && !threat) return [];
    type = 'WARNED';
  }
  // ", writing that ...": a participle after a comma says what the sentence's subject says.
  const speakerOf = (verb: number) =>
    (r.norm(verb).endsWith('ing') && verb > s.first && r.gap(verb - 1, verb).includes(',')
      ? sentenceSubject(r, s, verb)?.actors[0]
      : null) ??
    subjectOf(r, clauseOf(r, s, verb, verb + 1), verb, lookBack)?.actors[0] ??
    null;
  let from = role(r, s, t.rule.from, clause, t, lookBack, speakerOf);
  let to = role(r, s, t.rule.to, clause, t, lookBack, speakerOf);
  if (opener && !opener.passive) from ??= opener.subject;
  if (t.rule.from === 'subject' && t.rule.to === 'object') from = withMembers(r, s, t.first, from);
  const shared = t.rule.from === 'subject' && t.rule.to === 'object' ? coordinatedPassive(r, clause, t.first, t.last) : null;
  const passive =
    t.rule.from === 'subject' &&
    t.rule.to === 'object' &&
    (shared !== null || isPassive(r, clause, t.first, t.last) || opener?.passive === true);
  // "were also taken out of the store": one more of the last sanction, on its day when this sentence gives none.
  let also: ReturnType<typeof alsoAgent> = null;
  if (passive) {
    // "many users who were banned from X": a group named by a common noun is no actor of the report.
    if (groupRelative(r, clause, shared ?? t.first)) return [];
    to = peopleGroupTarget(r, shared ?? t.first)
      ? null
      : (subjectOf(r, clause, shared ?? t.first, lookBack, true) ?? (opener?.passive ? opener.subject : null));
    // "his Instagram account had been restricted": the owner is the target, the platform the agent if no other is named.
    const account = to && accountOwner(r, to);
    if (account) to = account.owner;
    from =
      // "was pulled from the store by X": "by" names the agent before "from" or "off" does.
      afterPreposition(r, clause, t.last, BY) ??
      (also = sanction && to ? alsoAgent(r, t.first, t.last, clause.end, to.actors) : null) ??
      afterPreposition(r, clause, t.last, AGENT_PREPS) ??
      (to && type === 'REINSTATED' ? passiveRestorer(r, r.tokens[t.first]!.start, t.first, t.last, to.actors) : null) ??
      // "Gab is banned in Erewhon": with no agent named, the country (countries.ts).
      (to && sanction ? placeAgent(r, clause, t, to.actors) : null) ??
      (to && (agentReference(r, clause, t.last, lookBack, to.actors) ?? speakerAsAgent(r, s, t, to, speakerOf)));
    // "was locked out of his Twitter account": the account after the verb names both.
    const after = !to || !from ? accountAfter(r, t.last, clause.end) : null;
    to ??= after?.owner ?? null;
    from ??= after?.platform ?? account?.platform ?? null;
  }
  // "X had its Apple Podcasts listing removed": X is the target, the platform the agent when no "by" names one.
  const made = t.rule.from === 'subject' && t.rule.to === 'object' ? causative(r, t.first) : null;
  if (made) {
    // "in a bid to have its account reinstated": the modality is read before "have".
    const m = modalityOf(r, clauseOf(r, s, made.at, made.at + 1), made.at);
    if (m === 'negated' || m === 'irrealis') return [];
    to = subjectOf(r, clauseOf(r, s, made.at, made.at + 1), made.at, lookBack);
    from = afterPreposition(r, clause, t.last, AGENT_PREPS) ?? made.platform;
  }
  // "barred Erewhon's army, the Tatmadan, from both A and B": the name in apposition is the target, A and B the actors.
  if (sanction && !passive && !made && to && t.rule.from === 'subject' && t.rule.to === 'object') {
    to = appositionTarget(r, clause, to) ?? to;
    from = barredFrom(r, clause, t.first, to) ?? from;
  }
  // "disputed the allegations, noting that ... it": the one answered is named before the next comma.
  if (t.rule.to === 'accuser')
    to = objectOf(r, { ...clause, end: claimEnd(r, clause, t.last) }, t.first, t.last, lookBack, from?.actors ?? []);
  const owned = sanction ? possessiveAct(r, t) : null;
  if (owned) [from, to] = owned;
  if (fallback) ({ from, to } = fallback);
  from = courtActor(r, s, t, from);
  if (!to && t.rule.toElse) to = role(r, s, t.rule.toElse, clause, t, lookBack, speakerOf);
  if (!from || (!to && t.rule.to !== 'accuser' && t.rule.to !== 'claimant')) return [];
  if (t.rule.fromKinds && !from.actors.every((a) => a.id !== null && t.rule.fromKinds!.includes(index.kindOf(a.id) ?? ''))) return [];
  if (t.rule.fromCourts && !from.actors.every((a) => isCourt(r, a))) return [];
  const voice = type === 'ACCUSED' ? null : voiceOf(r, s, clause.start, t.first, from.actors, speakerOf);
  const at = r.tokens[t.first]!.start;
  const clauseEnd = r.tokens[clause.end - 1]!.end;
  // An announced sanction with the day it takes effect ("would suspend ... effective Sunday"): the
  // notice is dated by what comes before the verb, the sanction it announces by that day (a date
  // that starts in the clause, though its commas may run on past it: "Sunday, January 10th, at 11:59").
  const ahead = modality === 'future' ? (datesOf(s).find((d) => d.start > at && d.start < clauseEnd) ?? null) : null;
  // A weekday announced ahead ("will suspend ... effective Friday") is the next such day, not the last one; but one
  // after a saying verb ("will stop ..., people said on Sunday") is the announcement's, the last such day.
  const effective = ahead && (ahead.said ? ahead : { ...ahead, ...ahead.ahead });
  const own = datesOfAct(r, s, t, clause, datesOf(s));
  const inherited = also && from.actors.some((a) => same(a, also.actors[0]!)) && !dateNear(own, at, clause, r) ? also.date : null;
  const date = effective
    ? (own.filter((d) => d.end <= at).pop() ?? earlier())
    : (dateNear(own, at, clause, r) ??
      (inherited || own === NO_DATES
        ? null
        : ((reported(r, s, t) || looksBack(r, s, t) ? null : earlier()) ?? ongoing(r, s, t, anchor) ?? recent(r, s, t, anchor))));
  const span = evidence(r, s, t, from, to);
  const confidence = (a: ProposedActorRef, b: ProposedActorRef) =>
    round(
      t.rule.confidence *
        (a.id ? 1 : 0.85) *
        (b.id ? 1 : 0.85) *
        (from.inferred || to?.inferred ? 0.8 : 1) *
        (modality === 'future' ? 0.9 : 1) *
        (fallback ? FALLBACK_SCALE : 1),
    );
  const out: Draft[] = [];
  for (const f of from.actors) {
    for (const o of to?.actors ?? [{ id: null, name: '' }]) {
      if (to && same(f, o)) continue;
      const claim = type === 'ACCUSED';
      const base: Draft = {
        type,
        from: f,
        to: o,
        date: inherited ?? (date ? edtf(date) : null),
        status: claim ? 'alleged' : voice!.status,
        claimedBy: claim ? [f] : voice!.claimedBy,
        respondsTo: [],
        evidence: [span],
        confidence: confidence(f, o),
        at: r.tokens[t.first]!.start,
        ...(claim && !date && SUIT.test(r.text.slice(s.start, s.end)) ? { inSuit: true } : {}),
        ...(date?.guessed ? { guessed: true } : {}),
      };
      out.push(base);
      const said = ` ${fold(r.text.slice(s.start, s.end)).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
      for (const imp of IMPLIED) {
        if (!imp.categories.includes(categoryOf(type)) || !imp.words.some((w) => said.includes(w))) continue;
        // Sites and services are hosted, people are not: "Twitter banned Trump" in a sentence about a web host implies nothing.
        if (o.id && index.kindOf(o.id) === 'person') continue;
        out.push({ ...base, type: imp.type, date: null, status: 'confirmed', claimedBy: [], confidence: imp.confidence, at: base.at + 2 });
      }
      if (effective)
        out.push({ ...base, type: t.rule.type, date: edtf(effective), confidence: round(base.confidence * 0.8), at: base.at + 1 });
      const then = t.rule.then;
      if (then && type === 'WARNED') {
        const sentence = fold(r.text.slice(s.start, s.end));
        const follow = (Object.entries(then.typeWhen).find(([, words]) => words.some((w) => sentence.includes(w)))?.[0] ??
          then.type) as ActionType;
        const days = Math.max(1, Math.ceil(deadlineHours(r, t) / 24));
        out.push({
          ...base,
          type: follow,
          date: date ? edtf(later(date, days)) : null,
          confidence: round(base.confidence * 0.8),
          at: base.at + 1,
        });
      }
    }
  }
  return out;
}

const ARTICLES = new Set(['the', 'a', 'an']);
const SUIT = new RegExp(dateRules.suits.pattern, 'iu');
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'into', 'before', 'to', 'with']);

/**
 * "Twitter's ban of Donald Trump": a sanction written as a noun, its actor the possessor and its
 * target the object of "of". Both must be named actors.
 */
function possessiveAct(r: Reading, t: Trigger): [Found, Found] | null {
  if (!t.verb || r.norm(t.first - 1) !== 's' || !/^['’]$/.test(r.gap(t.first - 2, t.first - 1))) return null;
  if (r.norm(t.last) !== 'of') return null;
  const owner = r.mentionAt[t.first - 2]!;
  const target = r.mentionAt[t.last + 1]!;
  if (owner < 0 || target < 0) return null;
  const a = r.mentions[owner]!;
  const b = r.mentions[target]!;
  return [
    { actors: [a.actor], first: a.first, last: a.last, inferred: false },
    { actors: [b.actor], first: b.first, last: b.last, inferred: false },
  ];
}

/**
 * A passive with no "by" agent, reported by a named party ("Facebook said that Trump's accounts
 * would stay suspended"): the party saying it, when it is not the target, is taken as the agent,
 * as inferred. Without a speaker the act has no agent and is not proposed.
 */
function speakerAsAgent(
  r: Reading,
  s: Sentence,
  t: Trigger,
  target: Found,
  speakerOf: (verb: number) => ProposedActorRef | null,
): Found | null {
  for (let k = t.first - 1; k >= s.first; k--) {
    if (!isSaying(r, k) && !isConfirming(r, k)) continue;
    const a = speakerOf(k);
    if (!a || target.actors.some((x) => same(x, a))) return null;
    return { actors: [a], first: k, last: k + 1, inferred: true };
  }
  return null;
}

const round = (x: number) => Math.round(x * 100) / 100;

const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  seven: 7,
  ten: 10,
  twelve: 12,
  'twenty-four': 24,
  'forty-eight': 48,
  'seventy-two': 72,
  a: 1,
  an: 1,
};

/** The notice's deadline in hours ("24 hours", "48-hour notice", "two days"); a day when it gives none. */
function deadlineHours(r: Reading, t: Trigger): number {
  for (let k = t.first; k < t.last; k++) {
    const m = /^(\d+|[a-z-]+?)(?:-?(hour|day)s?)?$/.exec(r.norm(k));
    const n = m ? Number(m[1]) || NUMBERS[m[1]!] : undefined;
    if (!n) continue;
    const unit = m![2] ?? r.norm(k + 1);
    return unit.startsWith('day') ? n * 24 : n;
  }
  return 24;
}

const ROLES = new Set([
  'subject',
  'main',
  'object',
  'speaker',
  'accuser',
  'claimant',
  'nearest',
  'within',
  'topic',
  'sanctioner',
  'reviewed',
  'answered',
  'restorer',
  'sanctioned',
  'hitter',
]);

function role(
  r: Reading,
  s: Sentence,
  spec: string,
  clause: Clause,
  t: Trigger,
  lookBack: number,
  speakerOf: (verb: number) => ProposedActorRef | null,
): Found | null {
  const parts = spec.split(',').reduce<string[]>((acc, p) => {
    // "after:to,with" lists prepositions after the colon; other names stand alone.
    if (acc.length && acc[acc.length - 1]!.startsWith('after:') && !p.includes(':') && !ROLES.has(p)) {
      acc[acc.length - 1] += `,${p}`;
    } else acc.push(p);
    return acc;
  }, []);
  const founds: Found[] = [];
  for (const part of parts) {
    let f: Found | null = null;
    if (part === 'subject') {
      // "..., claiming that": a participle after a comma is about the sentence's acting actor.
      const participle = r.norm(t.first).endsWith('ing') && t.first > s.first && r.gap(t.first - 1, t.first).includes(',');
      // "Amazon pulling their services": a gerund right after a name is that actor's act.
      // "sued Amazon for terminating": after "for", the one acted upon before it did it.
      const gerund = r.norm(t.first).endsWith('ing');
      let gerundOf = gerund && !participle ? (r.norm(t.first - 1) === 'for' ? r.mentionAt[t.first - 2]! : r.mentionAt[t.first - 1]!) : -1;
      // "filed a lawsuit in the US District Court alleging": a name after a preposition is where, not who.
      if (gerundOf >= 0 && r.norm(t.first - 1) !== 'for') {
        const m = r.mentions[gerundOf]!.first;
        const before = ARTICLES.has(r.norm(m - 1)) ? r.norm(m - 2) : r.norm(m - 1);
        if (PLACE_PREPOSITIONS.has(before)) gerundOf = -1;
      }
      f =
        gerundOf >= 0
          ? { actors: [r.mentions[gerundOf]!.actor], first: r.mentions[gerundOf]!.first, last: t.first, inferred: false }
          : null;
      f ??= (participle && sentenceSubject(r, s, t.first)) || subjectOf(r, clause, t.first, lookBack);
      // "X answered ..., calling the move ..., and promised to see the company in court": a predicate
      // after ", and" with no subject of its own shares the sentence's.
      if (!f && sharesSubject(r, clause, t.first)) f = sentenceSubject(r, s, t.first);
    } else if (part === 'main') {
      // "Apple pulled the app after a demand from X": the subject of the sentence's first verb, not the name nearest the words.
      let verb: number | undefined;
      for (let k = s.first; k < t.first && verb === undefined; k++) if (r.verbs.has(k)) verb = k;
      f = verb === undefined ? sentenceSubject(r, s, t.first) : subjectOf(r, clauseOf(r, s, verb, verb + 1), verb, lookBack);
    } else if (part === 'nearest') f = nearestBefore(r, clause, t.first);
    else if (part === 'within') f = within(r, t);
    // Filled once the whole report is read (returns.ts).
    else if (part === 'restorer' || part === 'sanctioned' || part === 'hitter')
      f = {
        actors: [part === 'restorer' ? RESTORER : part === 'hitter' ? HITTER : SANCTIONED],
        first: t.first,
        last: t.last,
        inferred: true,
      };
    // "CNN called the suspension unjustified": a sanction judged with no actor named is the main actor's among those that are not people.
    else if (['topic', 'sanctioner', 'reviewed', 'answered', 'court'].includes(part)) {
      const subject = subjectOf(r, clause, t.first, lookBack)?.actors ?? [];
      // "the ban also covers X": the actor that made the last sanction read before.
      const a =
        part === 'sanctioner'
          ? r.sanctionerBefore(r.tokens[t.first]!.start, subject)
          : part === 'court'
            ? courtBefore(r, t.first, subject)
            : part === 'reviewed' || part === 'answered'
              ? (part === 'reviewed' ? reviewedParty : answeredParty)(r, r.tokens[t.first]!.start, subject)
              : r.things.find((x) => !subject.some((y) => same(x, y)));
      f = a ? { actors: [a], first: t.first, last: t.last, inferred: true } : null;
    } else if (part === 'object') {
      // Only what can be cut off or restored is named by "the site", "its account"; a claim may be
      // aimed at a site or company named so ("accused users of the forum"), not at "him" or "them".
      const category = categoryOf(t.rule.type);
      const targets =
        ['sanction', 'notice', 'restoration', 'migration', 'legal'].includes(category) ||
        ((category === 'claim' || t.rule.type === 'OWNS') && 'things');
      // "..., claiming the company had censored him": the participle's subject is the sentence's, not the name before the comma.
      const participle = r.norm(t.first).endsWith('ing') && t.first > s.first && r.gap(t.first - 1, t.first).includes(',');
      const subject = (participle && sentenceSubject(r, s, t.first)) || subjectOf(r, clause, t.first, lookBack);
      // "blaming a mix-up over email, and asked ...": a claim's target is named before the first comma after it.
      const within = category === 'claim' ? { ...clause, end: claimEnd(r, clause, t.last) } : clause;
      f = objectOf(r, within, t.first, t.last, lookBack, subject?.actors ?? [], targets);
      // "claiming that the judge had threatened ...": a claim against the court or judge named last.
      if (!f && category === 'claim') f = courtReferenced(r, within, t.last);
    } else if (part.startsWith('after:')) f = afterPreposition(r, clause, t.last, new Set(part.slice(6).split(',')));
    else if (part === 'speaker') {
      for (let k = t.first - 1; k >= lookBack && !f; k--) {
        if (!isSaying(r, k)) continue;
        const a = speakerOf(k);
        if (a) f = { actors: [a], first: k, last: k + 1, inferred: false };
      }
      f ??= quoteSpeaker(r, t.first);
    }
    if (f) founds.push(f);
  }
  if (!founds.length) return null;
  const actors: ProposedActorRef[] = [];
  for (const f of founds) for (const a of f.actors) if (!actors.some((x) => same(x, a))) actors.push(a);
  return {
    actors,
    first: Math.min(...founds.map((f) => f.first)),
    last: Math.max(...founds.map((f) => f.last)),
    inferred: founds.some((f) => f.inferred),
  };
}

/** The one actor named inside the matched words ("which Facebook owns"). */
function within(r: Reading, t: Trigger): Found | null {
  for (let k = t.first; k < t.last; k++) {
    const m = r.mentionAt[k]!;
    if (m >= 0 && r.mentions[m]!.last <= t.last)
      return { actors: [r.mentions[m]!.actor], first: k, last: r.mentions[m]!.last, inferred: false };
  }
  return null;
}

/** The words from the first actor named to the last, the verb included, within the sentence. */
function evidence(r: Reading, s: Sentence, t: Trigger, from: Found, to: Found | null): [number, number] {
  const firsts = [t.first, from.first, to?.first ?? t.first].filter((k) => k >= s.first && k < s.last);
  const lasts = [t.last, from.last, to?.last ?? t.last].filter((k) => k > s.first && k <= s.last);
  return [r.tokens[Math.min(...firsts)]!.start, r.tokens[Math.max(...lasts) - 1]!.end];
}
