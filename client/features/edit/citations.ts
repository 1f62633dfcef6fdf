/**
 * The citations of the action form: one row a cited source, with what the source does for the
 * fact (states it, or reports a party's claim), where in it (locator) and an optional short quote.
 * Rows are read as they stand; the shared schema and the server judge them.
 */
import { STANCES, type Citation, type Stance } from '../../../contract';
import { h } from '../../ui/dom';

const STANCE_LABELS: Record<Stance, string> = {
  states: 'states it',
  'reports-claim': "reports a party's claim",
};

/** A row as typed: empty text is left out, so the schema names what is missing. */
export type CitationDraft = { source: string; stance: string; locator?: string; quote?: string };

export interface CitationsEditor {
  el: HTMLElement;
  set(citations: readonly Citation[]): void;
  read(): CitationDraft[];
}

export function citationsEditor(): CitationsEditor {
  const rows = h('ol', { class: 'citation-rows', id: 'a-citations' });
  let serial = 0;

  const row = (c: Partial<Citation>) => {
    const n = serial++;
    const input = (name: string, label: string, value: string | undefined, attrs: Record<string, string | number> = {}) => {
      const id = `c-${name}-${n}`;
      const el = h('input', { type: 'text', id, name, ...attrs });
      el.value = value ?? '';
      return h('span', { class: 'citation-field' }, h('label', { for: id }, label), el);
    };
    const stanceId = `c-stance-${n}`;
    const stance = h('select', { id: stanceId, name: 'stance' }, ...STANCES.map((s) => h('option', { value: s }, STANCE_LABELS[s])));
    stance.value = c.stance ?? 'states';
    const remove = h('button', { type: 'button', class: 'remove-citation' }, 'Remove');
    const li = h(
      'li',
      { class: 'citation-row' },
      input('source', 'Source id', c.source, { list: 'source-ids', required: 'true' }),
      h('span', { class: 'citation-field' }, h('label', { for: stanceId }, 'The source'), stance),
      input('locator', 'Where (e.g. para. 4)', c.locator, { maxlength: 200 }),
      input('quote', 'Short quote (optional)', c.quote, { maxlength: 500 }),
      remove,
    );
    remove.addEventListener('click', () => li.remove());
    rows.append(li);
  };

  const addButton = h('button', { type: 'button', id: 'add-citation' }, 'Add a citation');
  addButton.addEventListener('click', () => row({}));
  const el = h(
    'fieldset',
    { class: 'citations', 'data-field': 'a-citations' },
    h('legend', {}, 'Citations'),
    h('div', { class: 'hint' }, 'each source cited, whether it states the fact or only reports a claim, and where it says so'),
    rows,
    addButton,
  );

  return {
    el,
    set(citations) {
      rows.replaceChildren();
      for (const c of citations) row(c);
    },
    read() {
      return [...rows.querySelectorAll('li.citation-row')].map((li) => {
        const text = (name: string) => li.querySelector<HTMLInputElement>(`input[name=${name}]`)!.value.trim();
        const draft: CitationDraft = { source: text('source'), stance: li.querySelector<HTMLSelectElement>('select[name=stance]')!.value };
        if (text('locator')) draft.locator = text('locator');
        if (text('quote')) draft.quote = text('quote');
        return draft;
      });
    },
  };
}
