/** Details of an actor: what it is, where it sits, its Wikidata entry and its actions. */
import { compareActions, type Action, type ActorDetail } from '../../../contract';
import type { App } from '../../app';
import { api } from '../../api';
import { showChains } from '../../modes/chain/reducers';
import { setPathEnds } from '../../modes/paths/reducers';
import { focusOn, select, shownFocus } from '../../state/reducers';
import { externalLink, h } from '../../ui/dom';
import { plural, shortDate } from '../../ui/format';
import { layerLabel, typeLabel } from '../../vocabulary';

function row(term: string, ...value: (Node | string)[]): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

function actionItem(app: App, a: Action, self: string): HTMLLIElement {
  const outgoing = a.from === self;
  const other = app.nameOf(outgoing ? a.to : a.from);
  const text = outgoing ? `${typeLabel(a.type)} ${other}` : `${other} ${typeLabel(a.type)} it`;
  const b = h('button', { type: 'button', class: 'link action-link', 'data-action': a.id }, text);
  b.addEventListener('click', () => app.store.update((s) => select(s, { kind: 'action', id: a.id })));
  return h(
    'li',
    {},
    h('span', { class: 'when' }, a.date ? shortDate(a.date) : 'undated'),
    ' ',
    b,
    ' ',
    h('span', { class: `status status-${a.status}` }, a.status),
  );
}

export async function actorDetails(app: App, id: string, signal: AbortSignal): Promise<HTMLElement[]> {
  const [actor, actions] = await Promise.all([api.actor(id, signal), api.actions(id, {}, 1000, 0, signal)]);
  app.names.set(actor.id, actor.name);
  await app.ensureNames(actions.items.flatMap((a) => [a.from, a.to]));
  return render(app, actor, actions.items.sort(compareActions), actions.total);
}

function render(app: App, actor: ActorDetail, actions: Action[], total: number): HTMLElement[] {
  const s = app.state;
  const buttons = h('div', { class: 'buttons' });
  const add = (label: string, run: () => void) => {
    const b = h('button', { type: 'button' }, label);
    b.addEventListener('click', run);
    buttons.append(b);
  };
  if (shownFocus(s) !== actor.id) add('Show its neighbourhood', () => app.store.update((st) => focusOn(st, actor.id)));
  add('Chains from here', () => app.store.update((st) => showChains(st, actor.id, 0)));
  add('Paths from here', () =>
    app.store.update((st) => setPathEnds(st, actor.id, st.modes.paths.dst === actor.id ? null : st.modes.paths.dst)),
  );
  const dl = h(
    'dl',
    {},
    ...row('Kind', actor.kind),
    ...row('Layer', actor.layer ? layerLabel(actor.layer) : 'none given'),
    ...(actor.aliases?.length ? row('Also known as', actor.aliases.join('; ')) : []),
    ...(actor.wikidata ? row('Wikidata', externalLink(`https://www.wikidata.org/wiki/${actor.wikidata}`, actor.wikidata)) : []),
    ...row('Actions', String(actor.degree)),
  );
  return [
    h('h2', { id: 'details-title' }, actor.name),
    h('p', { class: 'kicker' }, `Actor · ${actor.id}`),
    actor.description ? h('p', { class: 'description' }, actor.description) : h('span'),
    dl,
    buttons,
    h('h3', {}, `Its actions (${plural(total, 'action')}, all dates and types)`),
    actions.length
      ? h('ol', { class: 'action-list' }, ...actions.map((a) => actionItem(app, a, actor.id)))
      : h('p', { class: 'empty' }, 'No action recorded.'),
  ];
}
