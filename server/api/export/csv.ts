/**
 * CSV (RFC 4180, UTF-8, CRLF): the actions as an edge list, or the actors.
 *
 * Spreadsheets split on the separator of their locale (`,` `;` or tab, and `|` when asked), so a
 * cell is quoted whenever it holds any of them, and a formula trigger (=, +, -, @, tab, CR) is made
 * inert with an apostrophe wherever a spreadsheet could see a cell begin: at the start and after
 * any of those separators or a line break. Quoting alone would do in a reader that honours quotes;
 * the apostrophes also cover one that splits on a separator regardless (SECURITY.md).
 */
import type { Episode } from '../../../contract';
import type { Subgraph } from '../../store/types';
import { ACTION_ATTRIBUTES, ACTOR_ATTRIBUTES, EPISODE_ATTRIBUTES, flat, type AttrValue } from './attributes';

export function csvCell(cell: AttrValue): string {
  const value = flat(cell);
  if (value === undefined) return '';
  const text = String(value).replace(/(?<=^|[,;|\t\r\n])(?=[=+\-@\t\r])/g, "'");
  return /[",;|\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (cells: AttrValue[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The actions as an edge list, row by row, so it can be streamed. */
export function* actionsCsvChunks(sub: Subgraph): Generator<string> {
  yield row(['id', 'source', 'target', ...ACTION_ATTRIBUTES.map((a) => a.name)]);
  for (const a of sub.actions) yield row([a.id, a.from, a.to, ...ACTION_ATTRIBUTES.map((attr) => attr.value(a))]);
}

export function* actorsCsvChunks(sub: Subgraph): Generator<string> {
  yield row(['id', ...ACTOR_ATTRIBUTES.map((a) => a.name)]);
  for (const a of sub.actors) yield row([a.id, ...ACTOR_ATTRIBUTES.map((attr) => attr.value(a))]);
}

/** The episodes the exported actions name, each with the ids of those actions in it. */
export function* episodesCsvChunks(sub: Subgraph, episodes: readonly Episode[]): Generator<string> {
  const members = new Map<string, string[]>();
  for (const a of sub.actions) for (const id of a.episodes ?? []) (members.get(id) ?? members.set(id, []).get(id)!).push(a.id);
  yield row(['id', ...EPISODE_ATTRIBUTES.map((a) => a.name), 'actions']);
  for (const e of episodes) yield row([e.id, ...EPISODE_ATTRIBUTES.map((attr) => attr.value(e)), members.get(e.id)]);
}
