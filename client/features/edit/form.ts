/**
 * The action form: add an action or change one, with its citations, zone, response links,
 * episodes, scope, term and reason. Checked here with the shared zod schema first, then by the
 * server, whose error details are shown in place.
 */
import { TERMS, parseAction, parseSource, type Action, type Source } from '../../../contract';
import type { App } from '../../app';
import { api, ApiError } from '../../api';
import { select } from '../../state/reducers';
import { fill, h } from '../../ui/dom';
import { vocabulary } from '../../vocabulary';
import { citationsEditor } from './citations';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function field(id: string, label: string, control: Field, hint?: string): HTMLElement {
  control.id = id;
  control.name = id;
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h(
    'div',
    { class: 'field', 'data-field': id },
    h('label', { for: id }, label),
    control,
    hint ? h('div', { class: 'hint', id: `${id}-hint` }, hint) : null,
  );
}

const list = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function actionForm(app: App, onDone: () => void): { el: HTMLElement; load(a: Action | null): void } {
  const c = {
    id: h('input', { type: 'text', required: true, pattern: '[a-z0-9][a-z0-9-]{0,63}' }),
    type: h('select', {}, ...vocabulary().types.map((t) => h('option', { value: t.id }, `${t.label} (${t.id})`))),
    from: h('input', { type: 'text', required: true, list: 'actor-ids' }),
    to: h('input', { type: 'text', required: true, list: 'actor-ids' }),
    date: h('input', { type: 'text' }),
    status: h('select', {}, ...vocabulary().statuses.map((st) => h('option', { value: st }, st))),
    claimedBy: h('input', { type: 'text', list: 'actor-ids' }),
    disputedBy: h('input', { type: 'text', list: 'actor-ids' }),
    timezone: h('input', { type: 'text', placeholder: 'America/Los_Angeles' }),
    summary: h('textarea', { rows: 3, required: true, maxlength: 1000 }),
    respondsTo: h('input', { type: 'text' }),
    episodes: h('input', { type: 'text' }),
    scope: h('input', { type: 'text' }),
    term: h('select', {}, h('option', { value: '' }, 'not said'), ...TERMS.map((t) => h('option', { value: t }, t))),
    reason: h('input', { type: 'text', maxlength: 1000 }),
    srcId: h('input', { type: 'text' }),
    srcTitle: h('input', { type: 'text' }),
    srcUrl: h('input', { type: 'url' }),
    srcPublisher: h('input', { type: 'text' }),
    srcPublished: h('input', { type: 'text' }),
  };
  const citations = citationsEditor();
  const ids = h('datalist', { id: 'actor-ids' });
  const sourceIds = h('datalist', { id: 'source-ids' });
  const errors = h('div', { class: 'form-errors', role: 'alert', id: 'action-errors' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Save the action');
  let editing: Action | null = null;
  const form = h(
    'form',
    { class: 'action-form', novalidate: true },
    h('h3', { id: 'action-form-title' }, 'Add an action'),
    ids,
    sourceIds,
    field('a-id', 'Id (slug)', c.id, 'lowercase letters, digits and "-", e.g. apple-delists-parler'),
    field('a-type', 'Type', c.type),
    field('a-from', 'From (actor id, who acted)', c.from),
    field('a-to', 'To (actor id, acted upon)', c.to),
    field('a-date', 'Date (EDTF)', c.date, 'YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm±hh:mm, or a span such as 2021-01-09/2021-01-10'),
    field('a-timezone', 'Time zone (IANA)', c.timezone, "the zone the date's days and times are read in; empty: the document's, else UTC"),
    field('a-status', 'Status', c.status),
    field('a-claimedBy', 'Claimed by (actor ids, comma-separated)', c.claimedBy, 'required for alleged and disputed'),
    field('a-disputedBy', 'Disputed by (actor ids, comma-separated)', c.disputedBy, 'required for disputed'),
    field('a-summary', 'Summary (your own words)', c.summary),
    citations.el,
    h(
      'fieldset',
      {},
      h('legend', {}, 'New source (optional)'),
      field('s-id', 'Source id', c.srcId),
      field('s-title', 'Title', c.srcTitle),
      field('s-url', 'URL (http or https)', c.srcUrl),
      field('s-publisher', 'Publisher', c.srcPublisher),
      field('s-published', 'Published (date)', c.srcPublished),
    ),
    field(
      'a-respondsTo',
      'Responds to (action ids, comma-separated)',
      c.respondsTo,
      'the actions this one answers: a denial, the accusation; a suit, the cut-off',
    ),
    field('a-episodes', 'Episodes (ids, comma-separated)', c.episodes),
    field('a-scope', 'Scope', c.scope, '"global", or ISO 3166 codes such as BR, US-CA (comma-separated)'),
    field('a-term', 'Term', c.term),
    field('a-reason', 'Reason or policy stated', c.reason),
    errors,
    submit,
  );

  const showProblems = (title: string, lines: string[]) => {
    fill(errors, h('p', {}, title), lines.length ? h('ul', {}, ...lines.map((l) => h('li', {}, l))) : null);
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    for (const line of lines) {
      const name = /^(?:actions\[\d+\]\.|sources\[\d+\]\.)?([a-zA-Z]+)/.exec(line)?.[1];
      const el = name ? form.querySelector(`#a-${name}`) : null;
      el?.setAttribute('aria-invalid', 'true');
    }
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    fill(errors);
    const opt = (v: string) => (v.trim() ? v.trim() : undefined);
    const optList = (v: string) => (list(v).length ? list(v) : undefined);
    let newSource: Source | null = null;
    if (c.srcId.value.trim() || c.srcTitle.value.trim()) {
      const parsed = parseSource({
        id: c.srcId.value.trim(),
        title: c.srcTitle.value.trim(),
        url: opt(c.srcUrl.value),
        publisher: opt(c.srcPublisher.value),
        published: opt(c.srcPublished.value),
      });
      if (!parsed.ok)
        return showProblems(
          'The new source is not valid:',
          parsed.problems.map((p) => `source ${p.path}: ${p.message}`),
        );
      newSource = parsed.value;
    }
    const claim = c.status.value === 'alleged' || c.status.value === 'disputed';
    // A new source is cited as stating the fact, or as reporting the claim when the action is one;
    // the rows are left as typed, so a refused save adds nothing the user did not write.
    const cited = citations.read();
    if (newSource && !cited.some((x) => x.source === newSource.id))
      cited.push({ source: newSource.id, stance: claim ? 'reports-claim' : 'states' });
    const scope = c.scope.value.trim() === 'global' ? 'global' : optList(c.scope.value.toUpperCase());
    const candidate = {
      ...(editing?.details ? { details: editing.details } : {}),
      id: c.id.value.trim(),
      type: c.type.value,
      from: c.from.value.trim(),
      to: c.to.value.trim(),
      date: opt(c.date.value),
      status: c.status.value,
      claimedBy: optList(c.claimedBy.value),
      disputedBy: optList(c.disputedBy.value),
      summary: c.summary.value.trim(),
      citations: cited,
      timezone: opt(c.timezone.value),
      respondsTo: optList(c.respondsTo.value),
      episodes: optList(c.episodes.value),
      scope,
      term: opt(c.term.value),
      reason: opt(c.reason.value),
    };
    const parsed = parseAction(candidate);
    if (!parsed.ok)
      return showProblems(
        'Please correct these fields:',
        parsed.problems.map((p) => `${p.path}: ${p.message}`),
      );
    submit.disabled = true;
    const save = async () => {
      if (newSource) await api.createSource(newSource);
      await (editing ? api.replaceAction(parsed.value) : api.createAction(parsed.value));
    };
    save()
      .then(async () => {
        // Emptied for the next action, so a second Save cannot send the same one again by mistake;
        // what was saved stays visible in the details and in the message.
        self.load(null);
        fill(errors, h('p', { class: 'ok', role: 'status' }, `Saved “${parsed.value.id}”. The form is empty for the next action.`));
        await app.reload();
        app.store.update((s) => select(s, { kind: 'action', id: parsed.value.id }));
        onDone();
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError) showProblems(`The server refused it (${e.status} ${e.code}): ${e.message}`, e.details);
        else showProblems(`It could not be saved: ${(e as Error).message}`, []);
      })
      .finally(() => (submit.disabled = false));
  });

  const self: { el: HTMLElement; load(a: Action | null): void } = {
    el: form,
    load(a) {
      editing = a;
      fill(errors);
      form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
      ids.replaceChildren(...[...app.graph.nodes.values()].map((n) => h('option', { value: n.id }, n.label)));
      void api
        .sources('', 1000)
        .then((p) => sourceIds.replaceChildren(...p.items.map((src) => h('option', { value: src.id }, src.title))))
        .catch(() => undefined);
      form.querySelector('#action-form-title')!.textContent = a ? `Change the action “${a.id}”` : 'Add an action';
      c.id.value = a?.id ?? '';
      c.id.readOnly = Boolean(a);
      c.type.value = a?.type ?? 'BANNED';
      c.from.value = a?.from ?? '';
      c.to.value = a?.to ?? '';
      c.date.value = a?.date ?? '';
      c.status.value = a?.status ?? 'reported';
      c.claimedBy.value = (a?.claimedBy ?? []).join(', ');
      c.disputedBy.value = (a?.disputedBy ?? []).join(', ');
      c.summary.value = a?.summary ?? '';
      c.timezone.value = a?.timezone ?? '';
      c.respondsTo.value = (a?.respondsTo ?? []).join(', ');
      c.episodes.value = (a?.episodes ?? []).join(', ');
      c.scope.value = a?.scope === undefined ? '' : a.scope === 'global' ? 'global' : a.scope.join(', ');
      c.term.value = a?.term ?? '';
      c.reason.value = a?.reason ?? '';
      citations.set(a?.citations ?? []);
      for (const k of ['srcId', 'srcTitle', 'srcUrl', 'srcPublisher', 'srcPublished'] as const) c[k].value = '';
    },
  };
  return self;
}
