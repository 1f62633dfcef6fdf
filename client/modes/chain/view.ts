/** The chains mode's view: the time-respecting chains that start from an actor (GET /api/chains), one drawn at a time. */
import type { Chain } from '../../../contract';
import type { App } from '../../app';
import { api, ApiError, toFilter } from '../../api';
import { applyPositions, fitView } from '../../graph/cy';
import { latestRequest } from '../../latest-request';
import type { ViewState } from '../../state/types';
import { actorPicker } from '../../ui/actor-picker';
import { byId, fill, h } from '../../ui/dom';
import { plural, shortDate } from '../../ui/format';
import type { ModeView } from '../mode-view';
import { chainPositions, clearChain, markChain } from './layout';
import { showChains } from './reducers';
import { filterKey } from '../../state/reducers';

export function view(app: App): ModeView {
  let key = '';
  let chains: Chain[] = [];
  let truncated = false;
  const request = latestRequest();
  const results = h('div', { id: 'chain-results' });
  const picker = actorPicker({
    id: 'chain-actor',
    label: 'Chains starting from',
    onPick: (a) => app.store.update((s) => showChains(s, a.id, 0)),
  });

  const stepText = (id: string, i: number) => {
    const e = app.cy.getElementById(id);
    if (e.empty()) return `${i + 1}. ${id}`;
    const when = e.data('date') ? shortDate(e.data('date') as string) : 'undated';
    return `${i + 1}. ${when}: ${app.nameOf(e.data('source') as string)} ${e.data('label')} ${app.nameOf(e.data('target') as string)}`;
  };

  const draw = (s: ViewState, animate: boolean) => {
    const chain = chains[s.modes.chain.index] ?? chains[0];
    if (!chain) {
      clearChain(app.cy);
      app.cy.elements('.actor, .action').addClass('offview');
      return;
    }
    markChain(app.cy, chain.actions);
    void applyPositions(chainPositions(app.cy, chain.actions), animate).then(() =>
      fitView(app.cy.elements('.chain-step').connectedNodes().union(app.cy.elements('.chain-step')), animate),
    );
  };

  const renderList = (s: ViewState) => {
    const { actor, index } = s.modes.chain;
    if (!actor) {
      fill(
        results,
        h(
          'p',
          { class: 'hint' },
          'Choose an actor to list the chains of actions that followed from what it did or what was done to it, in date order.',
        ),
      );
      return;
    }
    if (!chains.length) {
      fill(results, h('p', { class: 'empty' }, `No chain of two or more actions starts from ${app.nameOf(actor)} under these filters.`));
      return;
    }
    const list = h('ol', { class: 'chains' });
    chains.forEach((c, i) => {
      const first = app.cy.getElementById(c.actions[0]!).data('date') as string | undefined;
      const last = app.cy.getElementById(c.actions[c.actions.length - 1]!).data('date') as string | undefined;
      const current = i === (chains[index] ? index : 0);
      const b = h(
        'button',
        { type: 'button', class: 'link chain-pick', 'aria-current': current ? 'true' : false },
        `${plural(c.actions.length, 'step')}, ${shortDate(first)} – ${shortDate(last)}`,
      );
      b.addEventListener('click', () => app.store.update((st) => showChains(st, st.modes.chain.actor, i)));
      const li = h('li', { class: current ? 'current' : '' }, b);
      if (current)
        li.append(
          h(
            'ul',
            { class: 'steps' },
            ...c.actions.map((id, j) => {
              // A step says whether it certainly follows the one before or only may (their spans overlap),
              // and how many parallel actions (one type, same two actors) it stands for.
              const step = c.steps[j];
              const more = step && step.actions.length > 1 ? ` (and ${plural(step.actions.length - 1, 'parallel action')})` : '';
              const order = step?.order === 'possible' ? ' · possibly after the step before' : '';
              return h('li', { 'data-order': step?.order ?? 'first' }, stepText(id, j), more, h('span', { class: 'meta' }, order));
            }),
          ),
        );
      else
        li.append(
          h(
            'div',
            { class: 'chain-seq' },
            c.actions.map((id) => (app.cy.getElementById(id).data('label') as string | undefined) ?? id).join(' → '),
          ),
        );
      list.append(li);
    });
    fill(
      results,
      h(
        'p',
        {},
        `${plural(chains.length, 'chain')}${truncated ? ' (the search stopped at its bound; there may be more)' : ''}, longest first:`,
      ),
      list,
    );
  };

  return {
    show(s, prev) {
      if (prev === null) fill(byId('tool-panel'), h('h2', {}, 'Chains'), picker.root, results);
      const { actor } = s.modes.chain;
      if (!actor && s.sel?.kind === 'actor') {
        const id = s.sel.id;
        queueMicrotask(() => app.store.update((st) => showChains(st, id, 0), { replace: true }));
      }
      picker.setValue(actor ? app.nameOf(actor) : '');
      const k = JSON.stringify([actor, filterKey(s)]);
      if (k === key && prev !== null) {
        if (prev.modes.chain.index !== s.modes.chain.index) draw(s, true);
        renderList(s);
        return;
      }
      key = k;
      chains = [];
      request.abort();
      if (!actor) {
        draw(s, false);
        return renderList(s);
      }
      fill(results, h('p', { class: 'loading' }, 'Finding chains…'));
      void request.run(
        async (signal) => {
          const answer = await api.chains(actor, toFilter(s), 6, signal);
          await app.ensureNames([actor]);
          return answer;
        },
        (answer) => {
          chains = answer.chains;
          truncated = Boolean(answer.truncated);
          picker.setValue(app.nameOf(actor));
          draw(s, false);
          renderList(s);
        },
        (e) => fill(results, h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.message : String(e))),
      );
    },
    hide() {
      request.abort();
      key = '';
      clearChain(app.cy);
      fill(byId('tool-panel'));
    },
  };
}
