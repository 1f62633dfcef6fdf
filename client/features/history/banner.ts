/**
 * The banner shown while the browser is opened as of an earlier version: which version, that
 * nothing can be changed, and the way back to the current dataset. Editing is taken away.
 */
import { byId, h } from '../../ui/dom';
import './history.css';
import { AS_OF, asOfDataset } from './as-of';

export function initAsOfBanner(): void {
  const asOf = AS_OF;
  if (!asOf) return;
  document.body.classList.add('as-of');
  const edit = document.getElementById('edit-open') as HTMLButtonElement | null;
  if (edit) {
    edit.disabled = true;
    edit.title = 'Read only: this is an earlier version of the dataset';
  }
  const text = h('span', {}, `You are viewing the dataset as of ${/^\d+$/.test(asOf) ? `change ${asOf}` : asOf}. Read only.`);
  const back = h('a', { href: '/' }, 'Back to the current dataset');
  const banner = h('div', { id: 'as-of-banner', class: 'as-of-banner', role: 'status' }, text, ' ', back);
  byId('main').before(banner);
  void asOfDataset().then(
    (d) => {
      text.textContent = `You are viewing the dataset as of change ${d.change}${/^\d+$/.test(asOf) ? '' : ` (the last change by ${asOf})`}. Read only.`;
    },
    (e: Error) => {
      text.textContent = `The version ${asOf} cannot be shown: ${e.message}.`;
      banner.classList.add('error');
    },
  );
}
