/**
 * The report's text with the words each proposal comes from marked. Picking a proposal marks its
 * words and scrolls them into view; pointing at marked words tells the panel which proposals they
 * belong to, so it can light up their rows. The text is only ever put in as text nodes.
 */
import { h } from '../../ui/dom';
import type { TextSpan } from '../../../contract';
import { segments, type Mark } from './spans';

export interface Highlighter {
  el: HTMLElement;
  show(text: string, marks: readonly Mark[]): void;
  /** Marks the words of `key` (a proposal, or an actor's mentions) and scrolls to the first; null clears. */
  pick(key: string | null): void;
  /** Lights up the words of `key` without scrolling (a row pointed at); null clears. */
  point(key: string | null): void;
  /** The words selected in the text, as a span, or null when no words of the text are selected. */
  selected(): TextSpan | null;
}

/** Mentions of actors are keyed `m:<key>` so they can be told from evidence. */
export const mentionKey = (actorKey: string) => `m:${actorKey}`;

export function highlighter(onPick: (key: string) => void, onPoint: (keys: string[]) => void): Highlighter {
  const el = h('div', {
    class: 'report-text',
    id: 'report-highlighted',
    tabindex: 0,
    role: 'region',
    'aria-label': 'The report, with the words of each proposal marked',
  });
  let picked: string | null = null;
  const keysOf = (m: Element) => (m.getAttribute('data-keys') ?? '').split(' ').filter(Boolean);

  el.addEventListener('click', (e) => {
    const m = (e.target as Element).closest('mark');
    const first = m ? keysOf(m).find((k) => !k.startsWith('m:')) : undefined;
    if (first) onPick(first);
  });
  el.addEventListener('mouseover', (e) => {
    const m = (e.target as Element).closest('mark');
    onPoint(m ? keysOf(m) : []);
  });
  el.addEventListener('mouseleave', () => onPoint([]));

  /** The words selected in the text now, as a span, or null. */
  const current = (): TextSpan | null => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
    // The element holds the text and nothing else, so the length of what precedes a point is its offset.
    const before = document.createRange();
    before.selectNodeContents(el);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    return [start, start + range.toString().length];
  };
  // Kept while the person moves to a button (which may clear the selection); dropped when they click in the text.
  let lastSelected: TextSpan | null = null;
  document.addEventListener('selectionchange', () => {
    const sel = window.getSelection();
    const inText = sel !== null && sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).startContainer);
    if (inText) lastSelected = current();
  });

  const apply = () => {
    let first: Element | null = null;
    for (const m of el.querySelectorAll('mark')) {
      const on = picked !== null && keysOf(m).includes(picked);
      m.classList.toggle('picked', on);
      if (on && !first) first = m;
    }
    first?.scrollIntoView({ block: 'center', behavior: 'auto' });
  };

  return {
    el,
    show(text, marks) {
      picked = null;
      lastSelected = null;
      el.replaceChildren(
        ...segments(text.length, marks).map((s) => {
          const words = text.slice(s.start, s.end);
          if (s.keys.length === 0) return document.createTextNode(words);
          const evidence = s.keys.some((k) => !k.startsWith('m:'));
          return h(
            'mark',
            { class: evidence ? 'evidence' : 'mention', 'data-keys': s.keys.join(' '), 'data-start': s.start, 'data-end': s.end },
            words,
          );
        }),
      );
    },
    pick(key) {
      picked = key;
      apply();
    },
    selected() {
      return current() ?? lastSelected;
    },
    point(key) {
      for (const m of el.querySelectorAll('mark')) m.classList.toggle('pointed', key !== null && keysOf(m).includes(key));
    },
  };
}
