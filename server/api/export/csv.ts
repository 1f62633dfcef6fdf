/**
 * CSV (RFC 4180, UTF-8, CRLF): the actions as an edge list, or the actors. A cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is made inert with a
 * leading apostrophe.
 */
import type { Subgraph } from '../../store/types';
import { ACTION_ATTRIBUTES, ACTOR_ATTRIBUTES, type AttrValue } from './attributes';

export function csvCell(value: AttrValue): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(header: string[], rows: AttrValue[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function actionsCsv(sub: Subgraph): string {
  return table(
    ['id', 'source', 'target', ...ACTION_ATTRIBUTES.map((a) => a.name)],
    sub.actions.map((a) => [a.id, a.from, a.to, ...ACTION_ATTRIBUTES.map((attr) => attr.value(a))]),
  );
}

export function actorsCsv(sub: Subgraph): string {
  return table(
    ['id', ...ACTOR_ATTRIBUTES.map((a) => a.name)],
    sub.actors.map((a) => [a.id, ...ACTOR_ATTRIBUTES.map((attr) => attr.value(a))]),
  );
}
