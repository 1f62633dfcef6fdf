/**
 * An action's notes (its free-form `details`) as a reader sees them: keys in words rather than
 * camelCase ("dateNote" reads "Date note"), values as text (yes or no, lists joined).
 */
import { h } from '../../ui/dom';

/** Names a key would otherwise lower-case. */
const PROPER: Record<string, string> = { aws: 'AWS', buzzfeed: 'BuzzFeed', twitter: 'Twitter', parler: 'Parler', id: 'id' };

function words(key: string): string {
  return key
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .split(' ')
    .map((w) => PROPER[w] ?? w)
    .join(' ');
}

/** "dateNote" → "Date note", "reportedAt" → "Reported at", "reasonPer001" → "Reason per 001". */
function noteLabel(key: string): string {
  const text = words(key);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function noteText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(noteText).join('; ');
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${noteLabel(k)}: ${noteText(v)}`)
      .join('; ');
  return String(value);
}

export function notesList(details: Record<string, unknown>): HTMLElement {
  return h(
    'dl',
    { class: 'extra notes' },
    ...Object.entries(details).flatMap(([k, v]) => [h('dt', { 'data-key': k }, noteLabel(k)), h('dd', {}, noteText(v))]),
  );
}
