/**
 * One row a proposal: what it says, how sure the extractor is, buttons to show its words, accept
 * or reject it, and the fields to correct it (type, who acted, on whom, date, status, who claims
 * or disputes it, a summary). Every change goes into the row's draft; the panel keeps the drafts.
 */
import { ACTION_TYPES, STATUSES, type ActionType, type Status } from '../../../contract';
import { h } from '../../ui/dom';
import { vocabulary } from '../../vocabulary';
import { refFromValue, refName, refValue, type ActionDraft, type ActorRef, type Review } from './review';

export interface ActorOption {
  value: string;
  label: string;
  /** Shown as the option group: "New in this report" or "In the graph". */
  group: string;
}

export interface RowContext {
  review: Review;
  options: ActorOption[];
  nameOf: (id: string) => string;
  /** The row changed (decision or a field): the panel updates its counts. */
  changed: (draft: ActionDraft) => void;
  show: (key: string) => void;
}

const STATUS_HINT: Record<Status, string> = {
  confirmed: 'on record',
  reported: 'reported, not confirmed',
  alleged: 'a party claims it',
  disputed: 'claimed and denied',
};

function actorSelect(id: string, options: ActorOption[], chosen: ActorRef[], multiple: boolean): HTMLSelectElement {
  const sel = h('select', { id, name: id, ...(multiple ? { multiple: true, size: 4 } : {}) });
  const groups = new Map<string, HTMLOptGroupElement>();
  const values = new Set(chosen.map(refValue));
  // A row added by hand names nobody yet: an empty choice, rather than the first actor shown as if chosen.
  if (!multiple) sel.append(h('option', { value: '' }, 'choose an actor'));
  for (const o of options) {
    let g = groups.get(o.group);
    if (!g) {
      g = h('optgroup', { label: o.group });
      groups.set(o.group, g);
      sel.append(g);
    }
    const opt = h('option', { value: o.value }, o.label);
    opt.selected = values.has(o.value);
    g.append(opt);
  }
  return sel;
}

export function proposalRow(draft: ActionDraft, index: number, ctx: RowContext): HTMLLIElement {
  const n = index + 1;
  const base = `r${n}`;
  const title = h('span', { class: 'proposal-title', id: `${base}-title` });
  const badge = h('span', { class: 'proposal-state' });
  const showBtn = h('button', { type: 'button', class: 'small show-words', 'aria-describedby': `${base}-title` }, 'Show the words');
  const accept = h(
    'button',
    { type: 'button', class: 'small accept', 'aria-pressed': 'false', 'aria-describedby': `${base}-title` },
    'Accept',
  );
  const reject = h(
    'button',
    { type: 'button', class: 'small reject', 'aria-pressed': 'false', 'aria-describedby': `${base}-title` },
    'Reject',
  );

  const field = (name: string, label: string, control: HTMLElement) => {
    control.id = `${base}-${name}`;
    control.setAttribute('name', name);
    return h('span', { class: 'proposal-field' }, h('label', { for: control.id }, label), control);
  };
  const type = h('select', {}, ...vocabulary().types.map((t) => h('option', { value: t.id }, t.label)));
  type.value = draft.type;
  const from = actorSelect('', ctx.options, [draft.from], false);
  const to = actorSelect('', ctx.options, [draft.to], false);
  const date = h('input', { type: 'text', placeholder: 'none', 'aria-describedby': 'report-date-hint' });
  date.value = draft.date;
  const status = h('select', {}, ...STATUSES.map((s) => h('option', { value: s }, `${s} (${STATUS_HINT[s]})`)));
  status.value = draft.status;
  const claimedBy = actorSelect('', ctx.options, draft.claimedBy, true);
  const disputedBy = actorSelect('', ctx.options, draft.disputedBy, true);
  const summary = h('input', { type: 'text', maxlength: 1000, placeholder: 'worded from the row when left empty' });
  summary.value = draft.summary;

  const li = h(
    'li',
    { class: 'proposal', 'data-key': draft.key },
    h('div', { class: 'proposal-head' }, h('span', { class: 'proposal-n' }, `${n}.`), title, badge),
    h('div', { class: 'proposal-buttons' }, showBtn, accept, reject),
    h(
      'details',
      { class: 'proposal-correct', ...(draft.manual ? { open: true } : {}) },
      h('summary', {}, 'Correct'),
      h(
        'div',
        { class: 'proposal-fields' },
        field('type', 'Type', type),
        field('from', 'From (who acted)', from),
        field('to', 'To (acted upon)', to),
        field('date', 'Date (EDTF)', date),
        field('status', 'Status', status),
        field('claimedBy', 'Claimed by', claimedBy),
        field('disputedBy', 'Disputed by', disputedBy),
        field('summary', 'Summary (your own words)', summary),
      ),
    ),
  );

  const render = () => {
    const label = ACTION_TYPES[draft.type]?.label ?? draft.type;
    title.textContent = `${refName(ctx.review, draft.from, ctx.nameOf)} ${label} ${refName(ctx.review, draft.to, ctx.nameOf)}${
      draft.date ? `, ${draft.date}` : ', undated'
    } · ${draft.status} · ${draft.manual ? 'added by hand' : `${Math.round(draft.confidence * 100)} % sure`}`;
    badge.textContent = `${draft.decision === 'open' ? 'not decided' : draft.decision}${draft.corrected ? ', corrected' : ''}`;
    accept.setAttribute('aria-pressed', String(draft.decision === 'accepted'));
    reject.setAttribute('aria-pressed', String(draft.decision === 'rejected'));
    li.dataset.decision = draft.decision;
  };
  const decide = (d: 'accepted' | 'rejected') => {
    draft.decision = draft.decision === d ? 'open' : d;
    render();
    ctx.changed(draft);
  };
  const edit = (apply: () => void) => () => {
    apply();
    draft.corrected = true;
    render();
    ctx.changed(draft);
  };
  const picked = (sel: HTMLSelectElement) =>
    [...sel.selectedOptions].map((o) => refFromValue(o.value)).filter((r): r is ActorRef => r !== null);
  type.addEventListener(
    'change',
    edit(() => (draft.type = type.value as ActionType)),
  );
  from.addEventListener(
    'change',
    edit(() => (draft.from = picked(from)[0] ?? draft.from)),
  );
  to.addEventListener(
    'change',
    edit(() => (draft.to = picked(to)[0] ?? draft.to)),
  );
  date.addEventListener(
    'change',
    edit(() => (draft.date = date.value.trim())),
  );
  status.addEventListener(
    'change',
    edit(() => (draft.status = status.value as Status)),
  );
  claimedBy.addEventListener(
    'change',
    edit(() => (draft.claimedBy = picked(claimedBy))),
  );
  disputedBy.addEventListener(
    'change',
    edit(() => (draft.disputedBy = picked(disputedBy))),
  );
  summary.addEventListener(
    'change',
    edit(() => (draft.summary = summary.value.trim())),
  );
  showBtn.addEventListener('click', () => ctx.show(draft.key));
  accept.addEventListener('click', () => decide('accepted'));
  reject.addEventListener('click', () => decide('rejected'));
  render();
  return li;
}
