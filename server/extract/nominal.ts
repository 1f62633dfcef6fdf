/**
 * Acts told as nouns: "Zorvo's ban on Quux", "the suspension of Quux by Zorvo", "a block that Zorvo
 * imposed on Quux", "Zorvo imposed a ban on Quux" are Zorvo's sanction of Quux; "Zorvo lifted its
 * block on Quux" and "the block on Quux was lifted" are its restoration. The lexicon reads verbs and
 * drops a noun after a determiner ("the ban"), since a bare noun names no one; here a noun counts
 * only with both its author and its target named (or "its"/"their" for the clause's subject).
 * The words are in `rules/nominal.json`.
 */
import { categoryOf, type ActionType, type ProposedActorRef } from '../../contract';
import { clauseOf, subjectOf, type Found } from './clauses';
import { listFrom } from './lists';
import { formSet, type Rule, type Trigger } from './lexicon';
import { same, type Reading } from './reading';
import { RESTORER, SANCTIONED } from './returns';
import rules from './rules/nominal.json';
import type { Sentence } from './text';

const NOUNS = new Map(Object.entries(rules.nouns.types) as Array<[string, ActionType]>);
const TARGET_PREPS = new Set(rules.targetPrepositions.words);
const LEADS = rules.targetLeads.phrases.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
const NOT_DESCRIBING = new Set(rules.describing.notDescribing);
const DETERMINERS = new Set(rules.determiners.words);
const OWN = new Set(rules.ownDeterminers.words);
const DEFINITE = new Set(['the', ...rules.ownDeterminers.words]);
const IMPOSING = formSet(rules.imposing.verbs);
const RESTORING = formSet(rules.restoring.verbs);
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'being']);
const HAVE = new Set(['has', 'have', 'had']);

/** A noun read as an act: the trigger to read it by (assemble.ts `read`) and its two roles. */
export interface NominalAct {
  t: Trigger;
  roles: { from: Found; to: Found };
  /** The noun's token: the lexicon must not read it as a verb as well ("Zorvo's ban on Quux"). */
  noun: number;
  /** Told by a verb ("imposed a ban on Quux on Monday"), the act takes the clause's date; told by a noun alone, none. */
  dated: boolean;
}

const ruleOf = (type: ActionType): Rule => ({
  index: -1,
  type,
  note: 'an act told as a noun (nominal.ts)',
  from: 'nominal',
  to: 'nominal',
  toElse: null,
  keepFuture: false,
  when: [],
  unless: [],
  fromKinds: null,
  fromCourts: false,
  confidence: 0.6,
  then: null,
});

const lower = (r: Reading, k: number) => /^\p{Ll}/u.test(r.tokens[k]?.text ?? '');

/** "Zorvo's": the possessor's mention index when token `k` is the "s" after its apostrophe, else -1. */
function possessorAt(r: Reading, k: number): number {
  if (!r.isApostropheS(k)) return -1;
  return r.mentionAt[k - 1]!;
}

/** The mention that opens at token `k`, as a list ("on A, B and C"), or null. */
function namedAt(r: Reading, s: Sentence, k: number): Found | null {
  if (r.norm(k) === 'the' && r.mentionAt[k]! < 0) k++;
  const m = k < s.last ? r.mentionAt[k]! : -1;
  if (m < 0 || r.mentions[m]!.first !== k) return null;
  return listFrom(r, m, { start: k, end: s.last });
}

/** The target after the noun at `n`: "on Quux", "of Quux", "on access to Quux". */
function targetAfter(r: Reading, s: Sentence, n: number): Found | null {
  let k = n + 1;
  if (!TARGET_PREPS.has(r.norm(k)) || r.gap(n, k).trim()) return null;
  k++;
  const lead = LEADS.find((p) => p.every((w, i) => r.norm(k + i) === w) && r.mentionAt[k + p.length - 1]! < 0);
  if (lead) k += lead.length;
  return k < s.last ? namedAt(r, s, k) : null;
}

/**
 * The author and the target told after the noun: "a block that Zorvo imposed on Quux", "the ban Zorvo
 * placed on Quux", "a ban imposed on Quux by Zorvo", "a ban by Zorvo on Quux".
 */
function relativeAct(r: Reading, s: Sentence, n: number): { by: Found; to: Found } | null {
  let k = n + 1;
  // "a ban by Zorvo on Quux".
  const agent = r.norm(k) === 'by' ? namedAt(r, s, k + 1) : null;
  if (agent) {
    const to = TARGET_PREPS.has(r.norm(agent.last)) ? namedAt(r, s, agent.last + 1) : null;
    return to && { by: agent, to };
  }
  // "a ban imposed on Quux by Zorvo".
  if (IMPOSING.has(r.norm(k)) && TARGET_PREPS.has(r.norm(k + 1))) {
    const to = namedAt(r, s, k + 2);
    const by = to && r.norm(to.last) === 'by' ? namedAt(r, s, to.last + 1) : null;
    return to && by && { by, to };
  }
  if (['that', 'which'].includes(r.norm(k))) k++;
  const by = namedAt(r, s, k);
  if (!by) return null;
  let v = by.last;
  while (HAVE.has(r.norm(v)) || r.norm(v).endsWith('ly')) v++;
  if (!IMPOSING.has(r.norm(v)) || !TARGET_PREPS.has(r.norm(v + 1))) return null;
  const to = namedAt(r, s, v + 2);
  return to && { by, to };
}

/** "the block on Quux was lifted", "has been reversed": a passive restoring verb after the target; its token, or -1. */
function passiveRestoring(r: Reading, s: Sentence, from: number): number {
  let k = from;
  if (HAVE.has(r.norm(k))) k++;
  if (!PASSIVE_AUX.has(r.norm(k))) return -1;
  k++;
  while (k < s.last && (r.norm(k).endsWith('ly') || ['also', 'later', 'then', 'finally', 'since'].includes(r.norm(k)))) k++;
  return k < s.last && RESTORING.has(r.norm(k)) && /(?:ed|en|wn|ne)$/u.test(r.norm(k)) ? k : -1;
}

/** "announced the ban" with no target after it: the target of the announcer's act told before, if any. */
function announced(r: Reading, n: number, by: Found | null, prior: (by: ProposedActorRef) => ProposedActorRef | null): Found | null {
  if (by?.actors.length !== 1 || r.norm(n + 1) === 'that') return null;
  const a = prior(by.actors[0]!);
  return a && found(a, n, n + 1, true);
}

const found = (a: ProposedActorRef, first: number, last: number, inferred = false): Found => ({ actors: [a], first, last, inferred });

interface Act {
  type: ActionType;
  from: ProposedActorRef;
  to: ProposedActorRef;
}

/**
 * "The government announced the ban on June 4": a definite noun with its author and no target named
 * is the act already told of that author's last sanction or restoration; its target, or null.
 */
export function priorTarget(acts: readonly Act[], by: ProposedActorRef): ProposedActorRef | null {
  for (let i = acts.length - 1; i >= 0; i--) {
    const a = acts[i]!;
    if (same(a.from, by) && ['sanction', 'restoration'].includes(categoryOf(a.type)) && (a.to.id || a.to.name)) return a.to;
  }
  return null;
}

/** The acts sentence `s` tells as nouns; `prior` gives the target of an author's act told before (`priorTarget`). */
export function nominalActs(
  r: Reading,
  s: Sentence,
  lookBack: number,
  isPerson: (a: ProposedActorRef) => boolean,
  prior: (by: ProposedActorRef) => ProposedActorRef | null = () => null,
): NominalAct[] {
  const out: NominalAct[] = [];
  for (let n = s.first + 1; n < s.last; n++) {
    const type = NOUNS.get(r.norm(n));
    if (!type || r.mentionAt[n]! >= 0 || !lower(r, n)) continue;
    // Back over describing words ("its nationwide block") to the determiner or the possessor.
    let open = n - 1;
    for (let d = 0; d < rules.describing.maxWords && open > s.first; d++) {
      const w = r.norm(open);
      const stop = r.mentionAt[open]! >= 0 || !lower(r, open) || NOT_DESCRIBING.has(w) || DETERMINERS.has(w) || possessorAt(r, open) >= 0;
      if (stop || /[,;:]/u.test(r.gap(open, open + 1))) break;
      open--;
    }
    const owner = possessorAt(r, open);
    if (owner < 0 && !DETERMINERS.has(r.norm(open))) continue;
    const head = owner >= 0 ? r.mentions[owner]!.first : open;
    const clause = clauseOf(r, s, n, n + 1);
    let g = head - 1;
    while (g > clause.start && (r.norm(g).endsWith('ly') || ['also', 'then', 'later', 'finally'].includes(r.norm(g)))) g--;
    const governing = g >= clause.start ? r.norm(g) : '';
    const subject = () => subjectOf(r, clauseOf(r, s, g, g + 1), g, lookBack);
    const to = targetAfter(r, s, n);
    const relative = to ? null : relativeAct(r, s, n);
    const definite = DEFINITE.has(r.norm(open));
    // "X lifted the suspension (it had ordered)": the ones X's sanction cut off, told before or after (returns.ts).
    const undone = RESTORING.has(governing) && definite && r.norm(n + 1) !== 'on' ? found(SANCTIONED, n, n + 1, true) : null;
    const target = to ?? relative?.to ?? (IMPOSING.has(governing) && definite ? announced(r, n, subject(), prior) : undone);
    if (!target) continue;
    const after = target.last;
    const by =
      (owner >= 0 ? found(r.mentions[owner]!.actor, r.mentions[owner]!.first, open + 1) : null) ??
      (r.norm(after) === 'by' ? namedAt(r, s, after + 1) : null) ??
      relative?.by ??
      null;
    const restored = passiveRestoring(r, s, by && r.norm(after) === 'by' ? by.last : after);
    let act: { type: ActionType; at: number; from: Found | null } | null = null;
    if (RESTORING.has(governing) && restored < 0) act = { type: 'REINSTATED', at: g, from: subject() };
    else if (restored >= 0) act = { type: 'REINSTATED', at: restored, from: by ?? found(RESTORER, restored, restored + 1, true) };
    else if (by) act = { type, at: IMPOSING.has(governing) ? g : n, from: by };
    else if (OWN.has(r.norm(open)) || IMPOSING.has(governing)) {
      // "its ban": the subject of the clause, a thing ("Zorvo defended its ban on Quux"), not a person "its" cannot stand for.
      const from = IMPOSING.has(governing) ? subject() : subjectOf(r, clause, head, lookBack);
      const own = r.norm(open) !== 'its' || !from?.actors.some(isPerson);
      act = own ? { type, at: IMPOSING.has(governing) ? g : n, from } : null;
    }
    if (!act?.from || act.from.actors.some((a) => target.actors.some((b) => same(a, b)))) continue;
    const t = { rule: ruleOf(act.type), first: act.at, last: act.at + 1, verb: false };
    out.push({ t, roles: { from: act.from, to: target }, noun: n, dated: act.at !== n });
  }
  return out;
}
