/**
 * A team, department or unit inside a company ("the company's Trust and Safety team", "its Content
 * Review unit") is the company at work, not an actor of its own: its capitalised name is dropped from
 * the mentions so that the act falls to the company the possessive refers to.
 */
import { apostropheS, type Token } from './text';
import type { Mention } from './actors';
import names from './rules/names.json';

const TEAM_NOUNS = new Set(names.teams.nouns);
const OWNERS = new Set(names.teams.owners);

/** Is the mention followed by a team noun and preceded by an owner ("its", "their", "…'s")? */
function isTeam(text: string, tokens: readonly Token[], m: Mention): boolean {
  const next = tokens[m.last];
  if (!next || !TEAM_NOUNS.has(next.norm) || text.slice(tokens[m.last - 1]!.end, next.start).trim()) return false;
  const before = tokens[m.first - 1];
  if (!before) return false;
  if (OWNERS.has(before.norm)) return true;
  // "the company's Trust and Safety team": the token before is the "s" of a possessive.
  return apostropheS(text, tokens, m.first - 1);
}

/** The mentions without those that name a company's own team. */
export function withoutTeams(text: string, tokens: readonly Token[], mentions: Mention[]): Mention[] {
  return mentions.filter((m) => m.actor.id || !isTeam(text, tokens, m));
}
