/**
 * A record's history in the details panel: its last changes, newest first, each as when, who,
 * what changed (the fields that differ between before and after) and the message. Each entry links
 * to the graph as it was after that change (read only).
 */
import type { Change, ChangedRecord } from '../../../contract';
import { h } from '../../ui/dom';
import { AS_OF } from './as-of';

const SHOWN = 10;
const PLURAL = { actor: 'actors', action: 'actions' } as const;

/** The fields whose values differ, for "name, aliases changed". */
function changedFields(r: ChangedRecord): string[] {
  if (!r.before || !r.after) return [];
  const keys = new Set([...Object.keys(r.before), ...Object.keys(r.after)]);
  return [...keys].filter((k) => JSON.stringify(r.before![k]) !== JSON.stringify(r.after![k])).sort();
}

function what(r: ChangedRecord | undefined): string {
  if (!r) return 'changed';
  if (r.op !== 'replaced') return r.op;
  const fields = changedFields(r);
  return fields.length ? `changed ${fields.join(', ')}` : 'rewritten unchanged';
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function entry(c: Change): HTMLLIElement {
  const versionLink = h(
    'a',
    { href: `/?asOf=${c.change}`, title: `Open the graph as it was after change ${c.change} (read only)` },
    `#${c.change}`,
  );
  return h(
    'li',
    { class: 'history-entry' },
    h('span', { class: 'when' }, when(c.at)),
    ' ',
    versionLink,
    ' ',
    h('span', { class: 'who' }, c.who),
    ': ',
    h('span', { class: 'what' }, `${c.kind === 'import' ? 'import, ' : ''}${what(c.records[0])}`),
    ...(c.message ? [' ', h('q', { class: 'message' }, c.message)] : []),
  );
}

/** The history section of an actor's or an action's details. */
export async function historySection(kind: 'actor' | 'action', id: string, signal: AbortSignal): Promise<HTMLElement[]> {
  const title = h('h3', {}, 'History');
  if (AS_OF) {
    return [title, h('p', { class: 'hint' }, 'This is an earlier version; open the current dataset to see the changes since.')];
  }
  try {
    const res = await fetch(`/api/${PLURAL[kind]}/${encodeURIComponent(id)}/history?limit=${SHOWN}`, {
      signal,
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const page = (await res.json()) as { items: Change[]; next?: string };
    if (page.items.length === 0)
      return [title, h('p', { class: 'empty' }, 'No recorded change (it predates the history, or came with the seed before it).')];
    return [
      title,
      h('ol', { class: 'history-list' }, ...page.items.map(entry)),
      ...(page.next ? [h('p', { class: 'hint' }, `The last ${SHOWN} changes; /api/${PLURAL[kind]}/${id}/history lists them all.`)] : []),
    ];
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    return [title, h('p', { class: 'error' }, `The history could not be loaded: ${(e as Error).message}`)];
  }
}
