/**
 * "Add a report": paste a report and its source's details, ask for proposals, review each one
 * against the words it comes from, confirm the new actors, and save what was accepted as one
 * import. Nothing reaches the graph before Save; a refused save keeps every decision.
 */
import { SOURCE_KINDS } from '../../../contract';
import type { App } from '../../app';
import { ApiError } from '../../api';
import { focusOn, select } from '../../state/reducers';
import { announce, fill, h } from '../../ui/dom';
import { buildReportImport, type SourceDetails } from './build-import';
import { extract } from './extract-call';
import { highlighter, mentionKey } from './highlighter';
import { newActorItem } from './new-actors';
import { addManualAction, addManualActor, refValue, reviewFromAnswer, type Review } from './review';
import { proposalRow, type ActorOption } from './rows';
import { saveReport } from './save';

export interface ReportPanel {
  el: HTMLElement;
}

export function reportPanel(app: App, onSaved: () => void): ReportPanel {
  const input = (id: string, label: string, attrs: Record<string, string | number | boolean> = {}, hint?: string) => {
    const el = h('input', { type: 'text', id, name: id, ...attrs, ...(hint ? { 'aria-describedby': `${id}-hint` } : {}) });
    return {
      el,
      wrap: h(
        'div',
        { class: 'field' },
        h('label', { for: id }, label),
        el,
        hint ? h('div', { class: 'hint', id: `${id}-hint` }, hint) : null,
      ),
    };
  };
  const title = input('report-title', 'Title', { required: true, maxlength: 500 });
  const publisher = input('report-publisher', 'Publisher', { maxlength: 500 });
  const published = input(
    'report-published',
    'Published (EDTF date)',
    {},
    'e.g. 2018-10-29; relative dates in the text ("on Sunday") are read against it',
  );
  const url = input('report-url', 'URL (http or https)', { type: 'url', maxlength: 2000 });
  const kind = h('select', { id: 'report-kind', name: 'report-kind' }, ...SOURCE_KINDS.map((k) => h('option', { value: k }, k)));
  const kindWrap = h('div', { class: 'field' }, h('label', { for: 'report-kind' }, 'Kind'), kind);
  const text = h('textarea', { id: 'report-text', name: 'report-text', rows: 10, required: true });
  const propose = h('button', { type: 'button', id: 'report-propose', class: 'primary' }, 'Propose');
  const status = h('div', { id: 'report-status', class: 'hint', 'aria-live': 'polite' });
  const changeText = h('button', { type: 'button', id: 'report-change-text', class: 'small' }, 'Change the text');
  const addAction = h('button', { type: 'button', id: 'report-add-action', class: 'small' }, 'Add a proposal from the selected words');
  const addActor = h('button', { type: 'button', id: 'report-add-actor', class: 'small' }, 'Add a new actor: the selected words');
  const rows = h('ol', { id: 'report-rows', class: 'proposals' });
  const actorsList = h('ul', { id: 'report-new-actors', class: 'new-actors' });
  const quotes = h('input', { type: 'checkbox', id: 'report-quotes', name: 'report-quotes' });
  const save = h('button', { type: 'button', id: 'report-save', class: 'primary' }, 'Save');
  const counts = h('p', { id: 'report-counts', class: 'hint' });
  const errors = h('div', { id: 'report-errors', class: 'form-errors', role: 'alert' });
  const marked = highlighter(
    (key) => pick(key),
    (keys) =>
      rows.querySelectorAll<HTMLElement>('li.proposal').forEach((li) => li.classList.toggle('linked', keys.includes(li.dataset.key ?? ''))),
  );
  const textField = h('div', { class: 'field' }, h('label', { for: 'report-text' }, 'The report’s text'), text);
  const review = h(
    'div',
    { class: 'report-review', hidden: true },
    h(
      'div',
      { class: 'report-columns' },
      h(
        'div',
        { class: 'report-text-col' },
        h('h3', {}, 'The report'),
        marked.el,
        h('div', { class: 'proposal-buttons' }, addAction, addActor, changeText),
        h('p', { class: 'hint' }, 'Something missed? Select its words in the text, then add it.'),
      ),
      h(
        'div',
        { class: 'report-rows-col' },
        h('h3', {}, 'Proposals'),
        h(
          'div',
          { class: 'hint', id: 'report-date-hint' },
          'YYYY, YYYY-MM, YYYY-MM-DD or a span such as 2018-10-27/2018-10-28; empty: undated',
        ),
        rows,
        h('h3', {}, 'New actors'),
        h(
          'p',
          { class: 'hint' },
          'Proposals naming a new actor are saved only once it is confirmed; only actors an accepted proposal names are added.',
        ),
        actorsList,
      ),
    ),
    h(
      'div',
      { class: 'confirm-field' },
      quotes,
      h('label', { for: 'report-quotes' }, 'Keep the evidence’s words as each citation’s quote (25 words at most)'),
    ),
    counts,
    save,
  );
  const el = h(
    'section',
    { class: 'report-panel', 'aria-labelledby': 'report-title-h' },
    h(
      'p',
      { class: 'hint', id: 'report-title-h' },
      'Proposals are computed from the text and shown for review; nothing is saved until you press Save.',
    ),
    h(
      'fieldset',
      { class: 'report-source' },
      h('legend', {}, 'The source'),
      title.wrap,
      publisher.wrap,
      published.wrap,
      url.wrap,
      kindWrap,
    ),
    textField,
    propose,
    status,
    review,
    errors,
  );

  let state: Review | null = null;
  let proposing: AbortController | null = null;

  const details = (): SourceDetails => ({
    title: title.el.value,
    publisher: publisher.el.value,
    published: published.el.value,
    url: url.el.value,
    kind: kind.value,
  });

  const showProblems = (head: string, lines: string[]) =>
    fill(errors, h('p', {}, head), lines.length ? h('ul', { class: 'error-details' }, ...lines.map((l) => h('li', {}, l))) : null);

  const pick = (key: string) => {
    marked.pick(key);
    rows.querySelectorAll<HTMLElement>('li.proposal').forEach((li) => {
      const on = li.dataset.key === key;
      li.classList.toggle('picked', on);
      li.querySelector('.show-words')?.setAttribute('aria-pressed', String(on));
      if (on) li.scrollIntoView({ block: 'nearest' });
    });
  };

  rows.addEventListener('mouseover', (e) => marked.point((e.target as Element).closest<HTMLElement>('li.proposal')?.dataset.key ?? null));
  rows.addEventListener('mouseleave', () => marked.point(null));

  const updateCounts = () => {
    if (!state) return;
    const accepted = state.actions.filter((a) => a.decision === 'accepted').length;
    const rejected = state.actions.filter((a) => a.decision === 'rejected').length;
    const open = state.actions.length - accepted - rejected;
    counts.textContent = `${accepted} accepted, ${rejected} rejected, ${open} not decided (not decided ones are not saved).`;
    save.textContent = accepted === 1 ? 'Save 1 action' : `Save ${accepted} actions`;
    save.disabled = accepted === 0;
  };

  const options = (r: Review): ActorOption[] => {
    const known = new Map<string, string>([...app.names, ...r.knownNames]);
    return [
      ...r.newActors.map((n) => ({ value: refValue({ kind: 'new', key: n.key }), label: `${n.name} (new)`, group: 'New in this report' })),
      ...[...known]
        .sort((a, b) => a[1].localeCompare(b[1]))
        .map(([id, name]) => ({ value: refValue({ kind: 'known', id }), label: `${name} (${id})`, group: 'In the graph' })),
    ];
  };

  const renderRows = () => {
    if (!state) return;
    const r = state;
    const ctx = { review: r, options: options(r), nameOf: (id: string) => app.nameOf(id), changed: updateCounts, show: pick };
    rows.replaceChildren(...r.actions.map((a, i) => proposalRow(a, i, ctx)));
    const uses = (key: string) =>
      r.actions.filter((a) => [a.from, a.to, ...a.claimedBy, ...a.disputedBy].some((x) => x.kind === 'new' && x.key === key)).length;
    actorsList.replaceChildren(
      ...r.newActors.map((n) =>
        newActorItem(
          n,
          uses(n.key),
          (_n, renamed) => {
            if (renamed) renderRows();
          },
          () => marked.pick(mentionKey(n.key)),
        ),
      ),
    );
    if (r.newActors.length === 0) actorsList.append(h('li', { class: 'empty' }, 'None: every actor proposed is already in the graph.'));
    updateCounts();
  };

  const markText = (r: Review) =>
    marked.show(r.text, [
      ...r.actions.flatMap((a) => a.evidence.map((span) => ({ key: a.key, span }))),
      ...r.newActors.flatMap((n) => n.mentions.map((span) => ({ key: mentionKey(n.key), span }))),
    ]);

  const showReview = (r: Review) => {
    state = r;
    markText(r);
    textField.hidden = true;
    propose.hidden = true;
    review.hidden = false;
    renderRows();
  };

  const reset = (keepText: boolean) => {
    state = null;
    review.hidden = true;
    textField.hidden = false;
    propose.hidden = false;
    rows.replaceChildren();
    actorsList.replaceChildren();
    fill(errors);
    if (!keepText) text.value = '';
  };

  propose.addEventListener('click', () => {
    fill(errors);
    const body = text.value;
    if (!body.trim()) {
      text.setAttribute('aria-invalid', 'true');
      return showProblems('Paste the report’s text first.', []);
    }
    text.removeAttribute('aria-invalid');
    proposing?.abort();
    const ctl = (proposing = new AbortController());
    propose.disabled = true;
    status.textContent = 'Reading the report…';
    const when = published.el.value.trim();
    extract({ text: body, ...(when ? { published: when } : {}) }, ctl.signal)
      .then((answer) => {
        if (ctl.signal.aborted) return;
        status.textContent =
          answer.actions.length === 0
            ? 'No action was found in this text: select the words of one and add it, or change the text.'
            : `${answer.actions.length} proposals: check each against its words, then accept, correct or reject it.`;
        showReview(reviewFromAnswer(body, answer));
      })
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        status.textContent = '';
        const err = e instanceof ApiError ? e : new ApiError(0, 'internal', String(e));
        showProblems(`No proposals (${err.status || 'no answer'} ${err.code}): ${err.message}`, err.details);
      })
      .finally(() => (propose.disabled = false));
  });

  addAction.addEventListener('click', () => {
    if (!state) return;
    const span = marked.selected();
    const draft = addManualAction(state, span ? [span] : []);
    markText(state);
    renderRows();
    pick(draft.key);
    rows.querySelector<HTMLElement>(`li.proposal[data-key="${draft.key}"] select[name=type]`)?.focus();
  });

  addActor.addEventListener('click', () => {
    if (!state) return;
    const span = marked.selected();
    const name = span ? state.text.slice(span[0], span[1]).trim().replace(/\s+/g, ' ') : '';
    if (!span || !name) return showProblems('Select the actor’s name in the text first.', []);
    fill(errors);
    const n = addManualActor(state, name.slice(0, 200), span);
    markText(state);
    renderRows();
    actorsList.querySelector<HTMLInputElement>(`li.new-actor[data-key="${n.key}"] input[name=id]`)?.focus();
  });

  changeText.addEventListener('click', () => {
    reset(true);
    status.textContent = 'The proposals were dropped: change the text, then propose again.';
    text.focus();
  });

  save.addEventListener('click', () => {
    if (!state) return;
    fill(errors);
    const built = buildReportImport({ review: state, source: details(), withQuotes: quotes.checked, nameOf: (id) => app.nameOf(id) });
    if (!built.ok) return showProblems('Not saved yet: please see to these first.', built.problems);
    const doc = built.document;
    save.disabled = true;
    status.textContent = 'Saving…';
    saveReport(doc)
      .then(async (clashes) => {
        if (clashes.length) {
          status.textContent = '';
          return showProblems('Not saved: some new actors’ ids are taken.', clashes);
        }
        const n = built.actionIds.length;
        status.textContent = `Saved ${n === 1 ? '1 action' : `${n} actions`} citing “${details().title.trim()}”.`;
        announce(status.textContent);
        reset(false);
        for (const f of [title, publisher, published, url]) f.el.value = '';
        quotes.checked = false;
        kind.value = 'news';
        onSaved();
        await app.reload();
        app.store.update((s) => select(focusOn(s, built.focus), { kind: 'action', id: built.actionIds[0]! }));
      })
      .catch((e: unknown) => {
        status.textContent = '';
        const err = e instanceof ApiError ? e : new ApiError(0, 'internal', String(e));
        showProblems(`Nothing was saved (${err.status || 'no answer'} ${err.code}): ${err.message}`, err.details);
      })
      .finally(() => updateCounts());
  });

  return { el };
}
