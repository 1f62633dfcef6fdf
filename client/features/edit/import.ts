/** Import an interchange file by drag and drop (or the file picker), with upload progress and the server's errors in place. */
import type { App } from '../../app';
import { ApiError, importDocument } from '../../api';
import { fill, h } from '../../ui/dom';

export function importZone(app: App): HTMLElement {
  const input = h('input', { type: 'file', id: 'import-file', accept: 'application/json,.json' });
  const progress = h('progress', { max: 1, value: 0, hidden: true, id: 'import-progress', 'aria-label': 'Upload progress' });
  const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const zone = h(
    'div',
    { class: 'dropzone', id: 'dropzone' },
    h('p', {}, 'Drop an interchange v1 JSON file here, or '),
    h('label', { for: 'import-file', class: 'file-label' }, 'choose a file'),
    input,
  );
  const run = async (file: File) => {
    fill(result, h('p', {}, `Sending ${file.name}…`));
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch (e) {
      fill(result, h('div', { class: 'form-errors', role: 'alert' }, h('p', {}, `${file.name} is not JSON: ${(e as Error).message}`)));
      return;
    }
    progress.hidden = false;
    progress.value = 0;
    input.value = '';
    try {
      const r = await importDocument(text, (f) => (progress.value = f));
      progress.value = 1;
      const counts = (c: { actors: number; sources: number; actions: number }) =>
        `${c.actors} actors, ${c.sources} sources, ${c.actions} actions`;
      fill(
        result,
        h(
          'div',
          { class: 'ok' },
          h('p', {}, `Imported ${file.name}.`),
          h(
            'ul',
            {},
            h('li', {}, `created: ${counts(r.created)}`),
            h('li', {}, `updated: ${counts(r.updated)}`),
            h('li', {}, `unchanged: ${counts(r.unchanged)}`),
          ),
        ),
      );
      await app.reload();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'internal', String(e));
      fill(
        result,
        h(
          'div',
          { class: 'form-errors', role: 'alert' },
          h('p', {}, `Nothing was imported (${err.status || 'no answer'} ${err.code}): ${err.message}`),
          err.details.length ? h('ul', { class: 'error-details' }, ...err.details.map((d) => h('li', {}, d))) : null,
        ),
      );
    }
  };
  input.addEventListener('change', () => input.files?.[0] && void run(input.files[0]));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) void run(file);
  });
  return h('section', { class: 'import' }, h('h3', {}, 'Import a file'), zone, progress, result);
}
