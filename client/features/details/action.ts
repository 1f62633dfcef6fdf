/** Details of an action: who did what to whom, when (at the precision known), how sure, and its sources. */
import { ACTION_TYPES, type ActionWithSources, type Source } from '../../../contract';
import type { App } from '../../app';
import { api } from '../../api';
import { select } from '../../state/reducers';
import { externalLink, h } from '../../ui/dom';
import { formatDate } from '../../ui/format';

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

function sourceItem(src: Source): HTMLLIElement {
  const meta = [src.publisher, src.author, src.published ? formatDate(src.published, false) : undefined, src.kind]
    .filter(Boolean)
    .join(' · ');
  return h(
    'li',
    { class: 'source' },
    src.url ? externalLink(src.url, src.title) : h('span', {}, src.title),
    meta ? h('div', { class: 'meta' }, meta) : null,
  );
}

/** A plain-text citation of the action and its sources. */
export function citation(app: App, a: ActionWithSources): string {
  const srcs = a.sources.map((s) => [s.title, s.publisher, s.published, s.url].filter(Boolean).join(', ')).join('; ');
  return `${app.nameOf(a.from)} ${ACTION_TYPES[a.type].label} ${app.nameOf(a.to)} (${formatDate(a.date)}; ${a.status}). ${a.summary} Sources: ${srcs}. Deplatforming graph, action "${a.id}", ${location.origin}${location.pathname}?sel=action:${a.id}`;
}

export async function actionDetails(
  app: App,
  id: string,
  signal: AbortSignal,
  extra: (a: ActionWithSources) => HTMLElement | null,
): Promise<HTMLElement[]> {
  const a = await api.action(id, signal);
  await app.ensureNames([a.from, a.to, ...(a.claimedBy ?? []), ...(a.disputedBy ?? [])]);
  const people = (ids: string[] | undefined) => {
    const span = h('span');
    (ids ?? []).forEach((x, i) => span.append(...(i ? [', '] : []), actorButton(app, x)));
    return span;
  };
  const dl = h(
    'dl',
    {},
    h('dt', {}, 'Action'),
    h('dd', {}, `${ACTION_TYPES[a.type].label} (${a.type})`),
    h('dt', {}, 'Date'),
    h('dd', { 'data-field': 'date' }, formatDate(a.date)),
    h('dt', {}, 'Status'),
    h('dd', {}, h('span', { class: `status status-${a.status}` }, a.status), ` — ${STATUS_MEANING[a.status]}`),
    ...(a.claimedBy?.length ? [h('dt', {}, 'Claimed by'), h('dd', {}, people(a.claimedBy))] : []),
    ...(a.disputedBy?.length ? [h('dt', {}, 'Disputed by'), h('dd', {}, people(a.disputedBy))] : []),
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
    h('h2', { id: 'details-title' }, actorButton(app, a.from), ` ${ACTION_TYPES[a.type].label} `, actorButton(app, a.to)),
    h('p', { class: 'kicker' }, `Action · ${a.id}`),
    h('p', { class: 'description' }, a.summary),
    dl,
    details.length ? h('h3', {}, 'Notes') : h('span'),
    details.length
      ? h(
          'dl',
          { class: 'extra' },
          ...details.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, Array.isArray(v) ? v.join('; ') : String(v))]),
        )
      : h('span'),
    h('h3', {}, `Sources (${a.sources.length})`),
    h('ul', { class: 'sources' }, ...a.sources.map(sourceItem)),
    h('div', { class: 'buttons' }, copy, extra(a)),
  ];
}
