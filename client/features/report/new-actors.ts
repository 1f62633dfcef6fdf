/**
 * The actors the report names that the graph does not know yet. Each needs a person's look (id,
 * name, kind) and a tick before any accepted proposal naming it can be saved: a misread phrase
 * must not become an actor of the graph on its own.
 */
import { ACTOR_KINDS, type ActorKind } from '../../../contract';
import { h } from '../../ui/dom';
import type { NewActorDraft } from './review';

export function newActorItem(
  n: NewActorDraft,
  uses: number,
  changed: (n: NewActorDraft, renamed: boolean) => void,
  show: () => void,
): HTMLLIElement {
  const base = `na-${n.key}`;
  const input = (name: string, label: string, value: string, attrs: Record<string, string | number> = {}) => {
    const el = h('input', { type: 'text', id: `${base}-${name}`, name, ...attrs });
    el.value = value;
    return { el, wrap: h('span', { class: 'proposal-field' }, h('label', { for: el.id }, label), el) };
  };
  const id = input('id', 'Id (slug)', n.id, { pattern: '[a-z0-9][a-z0-9-]{0,63}', maxlength: 64 });
  const name = input('name', 'Name', n.name, { maxlength: 200 });
  const kind = h('select', { id: `${base}-kind`, name: 'kind' }, ...ACTOR_KINDS.map((k) => h('option', { value: k }, k)));
  kind.value = n.kind;
  const confirm = h('input', { type: 'checkbox', id: `${base}-confirmed`, name: 'confirmed', class: 'confirm-actor' });
  confirm.checked = n.confirmed;
  const where = h('button', { type: 'button', class: 'small', 'aria-describedby': `${base}-name` }, 'Show where');
  const li = h(
    'li',
    { class: 'new-actor', 'data-key': n.key, 'data-confirmed': String(n.confirmed) },
    h(
      'div',
      { class: 'proposal-fields' },
      name.wrap,
      id.wrap,
      h('span', { class: 'proposal-field' }, h('label', { for: kind.id }, 'Kind'), kind),
    ),
    h(
      'div',
      { class: 'proposal-buttons' },
      h('span', { class: 'confirm-field' }, confirm, h('label', { for: confirm.id }, 'Confirmed: add this actor to the graph')),
      where,
      h('span', { class: 'hint' }, uses === 1 ? 'named by 1 proposal' : `named by ${uses} proposals`),
    ),
  );
  id.el.addEventListener('change', () => {
    n.id = id.el.value.trim();
    changed(n, false);
  });
  name.el.addEventListener('change', () => {
    n.name = name.el.value.trim();
    changed(n, true);
  });
  kind.addEventListener('change', () => {
    n.kind = kind.value as ActorKind;
    changed(n, false);
  });
  confirm.addEventListener('change', () => {
    n.confirmed = confirm.checked;
    li.dataset.confirmed = String(n.confirmed);
    changed(n, false);
  });
  where.addEventListener('click', show);
  return li;
}
