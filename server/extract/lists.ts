/**
 * Lists of actors: names coordinated in a clause ("A, B and C", "A as well as B"), the list named
 * last before a reference ("them"), and a list given after a described target (", among them A and
 * B"). The role readers (clauses.ts and the modules beside it) take their actors through these.
 */
import type { ProposedActorRef } from '../../contract';
import { namedLikePerson } from './aliases';
import type { Clause, Found } from './clauses';
import { same, type Reading } from './reading';

const set = (words: readonly string[]) => new Set(words);
// "and", "as well as", "along with", with "the", "both" or an owner's noun after it ("Jones and his site Infowars");
// a comma, with "the" after it when the next name follows ("Zorvo, the XTV and KBN").
const COORDINATION =
  /^(?:\s*,?\s*(?:and|&|as well as|or|along with|together with)\s+(?:by\s+|from\s+)?(?:both\s+|the\s+|(?:his|her|its|their)\s+[\p{L}-]+\s+)?|\s*,\s*(?:the\s+)?)$/iu;
// An apposition after a name, up to its closing comma ("Louis Farrakhan, the leader of the Nation of Islam, along with ..."):
// what it names describes the name before it and takes no part in the list.
const APPOSITION = /^\s*,\s+(?:the|a|an)\s[^,;]{1,80},/u;
const POSSESSED_PAIR = /^['’]s(?:\s+\p{L}+){1,3},?\s+(?:and|or)\s+(?:the\s+)?$/u;

export function withCoordinated(r: Reading, m: number, direction: -1 | 1, clause: Clause): { ids: number[] } {
  const ids = [m];
  let joined = false;
  let cur = m;
  for (;;) {
    let next = cur + direction;
    // After an apposition the list goes on from its closing comma, past the names inside it.
    const apposition = direction === 1 ? APPOSITION.exec(r.text.slice(r.mentions[cur]!.end, r.mentions[cur]!.end + 90)) : null;
    const close = apposition ? r.mentions[cur]!.end + apposition[0].length - 1 : -1;
    while (apposition && r.mentions[next] && r.mentions[next]!.start < close) next++;
    // "Reddit's Gadget Store and Zed's store": a name owned by the one before is no item of the list.
    if (direction === 1 && r.mentions[next] && /^['’]s\s+$/u.test(r.text.slice(r.mentions[cur]!.end, r.mentions[next]!.start))) next++;
    const nm = r.mentions[next];
    if (!nm) break;
    const a = direction === 1 ? r.mentions[cur]! : nm;
    const b = direction === 1 ? nm : r.mentions[cur]!;
    if (nm.first < clause.start || nm.last > clause.end) break;
    const between = r.text.slice(apposition ? close : a.end, b.start);
    // "the campaign's store and the Organization's own shop": owners of things listed, both possessors.
    const owners = POSSESSED_PAIR.test(between) && /^['’]s\b/u.test(r.text.slice(b.end, b.end + 2));
    if (!owners && !COORDINATION.test(between) && !/^\s*(?:'s|’s)?\s*(?:and|,)\s*(?:both\s+)?$/iu.test(between)) break;
    if (!/^[\s,]*$/u.test(between)) joined = true;
    ids.push(next);
    cur = next;
  }
  // Names joined by commas alone are a list only when "and" or "or" closes it ("According to Reuters, PayPal" is not one).
  return { ids: joined ? ids : [m] };
}

/**
 * The actors of the list named last before token `at` (from `lookBack` on), passing over those
 * acting: "A, B and C" when the nearest other name closes such a list; null when it is named alone.
 */
export function listBefore(r: Reading, at: number, lookBack: number, acting: readonly ProposedActorRef[]): ProposedActorRef[] | null {
  for (let k = at - 1; k >= lookBack; k--) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    k = r.mentions[m]!.first;
    if (acting.some((a) => same(a, r.mentions[m]!.actor))) continue;
    const s = r.sentenceAtChar(r.mentions[m]!.start);
    if (!s) return null;
    const listed = found(r, withCoordinated(r, m, -1, { start: s.first, end: s.last }).ids).actors;
    return listed.length > 1 && !listed.some((a) => acting.some((b) => same(a, b))) ? listed : null;
  }
  return null;
}

/** "shut off the network along with A and B": the names coordinated right after a reference ending before token `at`. */
export function namesJoined(r: Reading, clause: Clause, at: number, ref: ProposedActorRef): ProposedActorRef[] {
  let n = -1;
  for (let k = at; k < clause.end && n < 0; k++) n = r.mentionAt[k]!;
  const between = n < 0 ? '' : r.text.slice(r.tokens[at - 1]!.end, r.mentions[n]!.start);
  // A comma alone is no join here: "blocked the site, Gab said".
  if (n < 0 || !/\b(?:and|along with|as well as|together with)\b/iu.test(between) || !COORDINATION.test(between)) return [];
  return listFrom(r, n, clause).actors.filter((a) => !same(a, ref));
}

/** The actors named by mention `m` and those coordinated after it in the clause ("Reddit and Gab"). */
export function listFrom(r: Reading, m: number, clause: Clause): Found {
  return found(r, withCoordinated(r, m, 1, clause).ids);
}

export function found(r: Reading, ids: number[]): Found {
  const ms = ids.map((i) => r.mentions[i]!);
  const actors: ProposedActorRef[] = [];
  for (const m of ms) if (!actors.some((a) => same(a, m.actor))) actors.push(m.actor);
  return { actors, first: Math.min(...ms.map((m) => m.first)), last: Math.max(...ms.map((m) => m.last)), inferred: false };
}

// How far after the verb ", among them" may name who "the accounts of several journalists" were, in words.
const LIST_REACH = 40;

/**
 * "suspended the accounts of several journalists who cover X, among them A, B and C": a target
 * described without a name right after the verb, then named in a list after ", among them" or
 * ", including" in the same sentence, is the list, not an actor named in between.
 */
export function listedAfter(r: Reading, last: number, subject: ProposedActorRef[]): Found | null {
  if (r.mentionAt[last]! >= 0 || r.mentionAt[last + 1]! >= 0) return null;
  const s = r.sentenceAtChar(r.tokens[last - 1]!.start);
  if (!s) return null;
  for (let k = last + 1; k < Math.min(s.last - 1, last + LIST_REACH); k++) {
    const opener = r.norm(k) === 'including' ? 1 : r.norm(k) === 'among' && r.norm(k + 1) === 'them' ? 2 : 0;
    if (!opener || !r.gap(k - 1, k).includes(',')) continue;
    // "among them the former league leader Jo Doe": an article and up to two lower-case words may come first.
    let at = k + opener;
    for (let skip = 0; skip < 3 && r.mentionAt[at]! < 0 && /^\p{Ll}+$/u.test(r.tokens[at]?.text ?? ''); skip++) at++;
    const m = r.mentionAt[at]!;
    if (m < 0 || subject.some((a) => same(a, r.mentions[m]!.actor))) return null;
    // The names listed, each perhaps with its employer after "of" ("Ryan Mac of The Daily Planet, ...")
    // or after an article and a role ("and the Canadian podcaster Jo Doe").
    const ids = [roleHead(r, m)];
    for (let prev = ids[0]!, next = prev + 1; r.mentions[next] && r.mentions[next]!.last <= s.last; prev = next, next++) {
      const between = r.text.slice(r.mentions[prev]!.end, r.mentions[next]!.start);
      if (/^\s+of\s+(?:the\s+)?$/iu.test(between)) continue;
      if (!/^\s*(?:,|,?\s*and|,?\s*or)\s*(?:(?:the|a|an)\s+(?:[\p{L}-]+\s+){1,3})?$/iu.test(between)) break;
      next = roleHead(r, next);
      ids.push(next);
    }
    return found(r, ids);
  }
  return null;
}

const LINKS = set(['and', 'or', 'of', 'the', 'a', 'an', 'with', 'for', 'to', 'by', 'at', 'in', 'on', 'from', 'as', 'nor']);

/** "the Klan leader Jo Doe": a name before a lower-case role and a person's name only qualifies the role; the person is listed. */
function roleHead(r: Reading, m: number): number {
  const next = r.mentions[m + 1];
  const between = r.text.slice(r.mentions[m]!.end, next?.start ?? 0);
  if (!next || !/^\s+\p{Ll}+(?:\s+\p{Ll}+)?\s+$/u.test(between) || between.split(/\s+/u).some((w) => LINKS.has(w))) return m;
  return namedLikePerson(next.actor, (id) => r.kindOf(id)) ? m + 1 : m;
}
