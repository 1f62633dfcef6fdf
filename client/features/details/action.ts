/**
 * Details of an action: who did what to whom, when (as given, with its zone and marks), how sure,
 * its scope, term and stated reason, the actions it answers and that answer it, and its citations
 * (source, where in it, whether it states the fact or reports a claim, the quote).
 */
import { type Action, type ActionWithSources, type Citation, type Source } from '../../../contract';
import type { App } from '../../app';
import { api } from '../../api';
import { select } from '../../state/reducers';
import { externalLink, h } from '../../ui/dom';
import { dateElement } from '../../ui/dates';
import { formatDate, formatWhen } from '../../ui/format';
import { categoryLabel, categoryOfType, episodeTitle, typeLabel, typeMeaning } from '../../vocabulary';
import { notesList } from './notes';

export const STATUS_MEANING = {
  confirmed: 'undisputed, on record',
  reported: 'reported by the media',
  alleged: 'asserted by a party, for example in a lawsuit',
  disputed: 'asserted, and denied by another party',
} as const;

function actorButton(app: App, id: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'link actor-link', 'data-actor': id }, app.nameOf(id));
  b.addEventListener('click', () => app.store.update((s) => select(s, { kind: 'actor', id })));
  return b;
}

const STANCE_TEXT = { states: 'states it', 'reports-claim': 'reports a claim' } as const;
const STANCE_MEANING = {
  states: 'the source states the fact itself',
  'reports-claim': 'the source only reports that a party claims it',
} as const;

/** The host a link leads to, said beside it so a reader knows where a click goes. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * One citation: the source's title, then publisher, date and a link to it, each said even when
 * missing (so "no date given" is told apart from "not shown"); where in it, what it supports, the quote.
 */
function citationItem(c: Citation, src: Source | undefined): HTMLLIElement {
  const title = src?.title ?? c.source;
  const host = src?.url ? hostOf(src.url) : null;
  const extra = src ? [src.author, src.kind].filter(Boolean).join(' · ') : '';
  return h(
    'li',
    { class: 'source citation', 'data-source': c.source, 'data-stance': c.stance },
    src?.url ? externalLink(src.url, title) : h('span', {}, title),
    h(
      'div',
      { class: 'meta' },
      h('span', { class: 'source-publisher' }, src?.publisher ?? 'publisher not given'),
      ' · ',
      h('span', { class: 'source-date' }, src?.published ? formatDate(src.published, false) : 'no date given'),
      ' · ',
      // The title above is the one link (a second would be read twice); here is where it leads.
      src?.url && host ? h('span', { class: 'source-host' }, `link to ${host}`) : h('span', { class: 'source-host none' }, 'no link given'),
      extra ? ` · ${extra}` : '',
    ),
    h(
      'div',
      { class: 'cite-where' },
      c.locator ? h('span', { class: 'locator' }, c.locator) : h('span', { class: 'locator none' }, 'no locator'),
      ' · ',
      h('span', { class: `stance stance-${c.stance}`, title: STANCE_MEANING[c.stance] }, STANCE_TEXT[c.stance]),
    ),
    c.quote ? h('blockquote', { class: 'quote' }, h('q', {}, c.quote)) : null,
  );
}

/** A plain-text citation of the action and its sources. */
export function citation(app: App, a: ActionWithSources): string {
  const byId = new Map(a.sources.map((s) => [s.id, s]));
  const srcs = a.citations
    .map((c) => {
      const s = byId.get(c.source);
      return [s?.title ?? c.source, s?.publisher, s?.published, c.locator, s?.url].filter(Boolean).join(', ');
    })
    .join('; ');
  return `${app.nameOf(a.from)} ${typeLabel(a.type)} ${app.nameOf(a.to)} (${formatWhen(a.date, a.timezone)}; ${a.status}). ${a.summary} Sources: ${srcs}. Deplatforming graph, action "${a.id}", ${location.origin}${location.pathname}?sel=action:${a.id}`;
}

/** What the details answer carries besides the record; `responses` may be absent from an older server. */
type ActionAnswer = ActionWithSources & { responses?: string[] };

/** A line naming another action ("AWS suspended Parler, 10 Jan 2021"), fetched when it is not drawn. */
async function actionTitles(app: App, ids: string[], signal: AbortSignal): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const id of ids) {
    const e = app.graph.edges.get(id) ?? app.timeline.find((x) => x.id === id);
    if (e) out.set(id, `${app.nameOf(e.source)} ${typeLabel(e.type)} ${app.nameOf(e.target)}, ${formatDate(e.date, false)}`);
    else missing.push(id);
  }
  const fetched = await Promise.all(missing.map((id) => api.action(id, signal).catch(() => null)));
  await app.ensureNames(fetched.flatMap((a) => (a ? [a.from, a.to] : [])));
  for (const a of fetched)
    if (a) out.set(a.id, `${app.nameOf(a.from)} ${typeLabel(a.type)} ${app.nameOf(a.to)}, ${formatDate(a.date, false)}`);
  return out;
}

function actionLink(app: App, id: string, text: string, rel: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'link action-link', 'data-action': id, 'data-rel': rel }, text);
  b.addEventListener('click', () => app.store.update((s) => select(s, { kind: 'action', id })));
  return b;
}

function scopeText(scope: Action['scope']): string {
  return scope === undefined ? '' : scope === 'global' ? 'global' : scope.join(', ');
}

export async function actionDetails(
  app: App,
  id: string,
  signal: AbortSignal,
  extra: (a: ActionWithSources) => HTMLElement | null,
): Promise<HTMLElement[]> {
  const a: ActionAnswer = await api.action(id, signal);
  // Responses: the server's answer; from the loaded actions when the server does not send them.
  const responses =
    a.responses ?? [...app.graph.edges.values(), ...app.timeline].filter((e) => e.respondsTo?.includes(a.id)).map((e) => e.id);
  const respondsTo = a.respondsTo ?? [];
  const [, titles] = await Promise.all([
    app.ensureNames([a.from, a.to, ...(a.claimedBy ?? []), ...(a.disputedBy ?? [])]),
    actionTitles(app, [...new Set([...respondsTo, ...responses])], signal),
  ]);
  const people = (ids: string[] | undefined) => {
    const span = h('span');
    (ids ?? []).forEach((x, i) => span.append(...(i ? [', '] : []), actorButton(app, x)));
    return span;
  };
  const links = (ids: string[], rel: string) =>
    h('ul', { class: 'response-links', 'data-rel': rel }, ...ids.map((x) => h('li', {}, actionLink(app, x, titles.get(x) ?? x, rel))));
  const category = categoryOfType(a.type);
  const dl = h(
    'dl',
    {},
    h('dt', {}, 'Action'),
    h('dd', { title: typeMeaning(a.type) }, `${typeLabel(a.type)} (${a.type})`, category ? ` · ${categoryLabel(category)}` : ''),
    h('dt', {}, 'Date'),
    h('dd', { 'data-field': 'date' }, dateElement(a.date, a.timezone)),
    h('dt', {}, 'Status'),
    h('dd', {}, h('span', { class: `status status-${a.status}` }, a.status), ` — ${STATUS_MEANING[a.status]}`),
    ...(a.claimedBy?.length ? [h('dt', {}, 'Claimed by'), h('dd', {}, people(a.claimedBy))] : []),
    ...(a.disputedBy?.length ? [h('dt', {}, 'Disputed by'), h('dd', {}, people(a.disputedBy))] : []),
    ...(a.scope !== undefined ? [h('dt', {}, 'Scope'), h('dd', { 'data-field': 'scope' }, scopeText(a.scope))] : []),
    ...(a.term ? [h('dt', {}, 'Term'), h('dd', { 'data-field': 'term' }, a.term)] : []),
    ...(a.reason ? [h('dt', {}, 'Reason given'), h('dd', { 'data-field': 'reason' }, a.reason)] : []),
    ...(a.episodes?.length ? [h('dt', {}, 'Episode'), h('dd', { 'data-field': 'episodes' }, a.episodes.map(episodeTitle).join('; '))] : []),
    ...(respondsTo.length ? [h('dt', {}, 'Responds to'), h('dd', { 'data-field': 'respondsTo' }, links(respondsTo, 'respondsTo'))] : []),
    ...(responses.length ? [h('dt', {}, 'Answered by'), h('dd', { 'data-field': 'responses' }, links(responses, 'responses'))] : []),
  );
  const details = Object.entries(a.details ?? {});
  const copy = h('button', { type: 'button', class: 'small' }, 'Copy citation');
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(citation(app, a)).then(
      () => (copy.textContent = 'Citation copied'),
      () => (copy.textContent = 'Copy failed'),
    );
  });
  return [
    h('h2', { id: 'details-title' }, actorButton(app, a.from), ` ${typeLabel(a.type)} `, actorButton(app, a.to)),
    h('p', { class: 'kicker' }, `Action · ${a.id}`),
    h('p', { class: 'description' }, a.summary),
    dl,
    details.length ? h('h3', {}, 'Notes') : h('span'),
    details.length ? notesList(a.details ?? {}) : h('span'),
    h('h3', {}, `Citations (${a.citations.length})`),
    h(
      'ul',
      { class: 'sources citations' },
      ...a.citations.map((c) =>
        citationItem(
          c,
          a.sources.find((src) => src.id === c.source),
        ),
      ),
    ),
    h('div', { class: 'buttons' }, copy, extra(a)),
  ];
}
