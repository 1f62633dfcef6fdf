/**
 * What an exported picture says about itself: a title naming the view as it is now, and a
 * caption with the filters in force, what is drawn and the state of the data it was drawn from,
 * so a picture pasted into a report can be traced back to what it shows.
 */
import type { App } from '../../app';
import { modeOf } from '../../modes/registry';
import { hasFilters, shownFocus } from '../../state/reducers';
import type { ViewState } from '../../state/types';
import { formatDate } from '../../ui/format';
import { categoryLabel, episodeTitle, layerLabel, typeLabel } from '../../vocabulary';

/** The view in words: the mode, and whose neighbourhood when one is shown. */
export function viewTitle(app: App, s: ViewState = app.state): string {
  const focus = shownFocus(s);
  const mode = modeOf(s.mode);
  const what = focus ? `neighbourhood of ${app.nameOf(focus)}${s.depth > 1 ? ` (depth ${s.depth})` : ''}` : 'whole graph';
  return `Deplatforming graph — ${mode.label}: ${what}`;
}

/** Each filter in force, in words; "no filters" when none is. */
function filtersText(app: App, s: ViewState = app.state): string {
  if (!hasFilters(s)) return 'Filters: none (every action)';
  const parts: string[] = [];
  if (s.categories.length) parts.push(`categories ${s.categories.map(categoryLabel).join(', ')}`);
  if (s.types.length) parts.push(`types ${s.types.map(typeLabel).join(', ')}`);
  if (s.statuses.length) parts.push(`status ${s.statuses.join(', ')}`);
  if (s.layers.length) parts.push(`layers ${s.layers.map((l) => (l === 'none' ? 'no layer' : layerLabel(l))).join(', ')}`);
  if (s.claimedBy.length) parts.push(`claimed by ${s.claimedBy.map((id) => app.nameOf(id)).join(', ')}`);
  if (s.disputedBy.length) parts.push(`disputed by ${s.disputedBy.map((id) => app.nameOf(id)).join(', ')}`);
  if (s.episodes.length) parts.push(`episode ${s.episodes.map(episodeTitle).join(' or ')}`);
  if (s.from || s.to) {
    const window = `${s.from ? `from ${s.from}` : ''}${s.from && s.to ? ' ' : ''}${s.to ? `to ${s.to}` : ''}`;
    parts.push(`dates ${window}${s.tz ? ` (days in ${s.tz})` : " (each action's local days)"}`);
  }
  return `Filters: ${parts.join('; ')}`;
}

export interface DataStamp {
  /** Records in the store when the picture was made, when the server said. */
  counts?: { actors: number; actions: number; sources: number };
}

/** The caption's lines: filters, what is drawn, the data's state, when and where it was made. */
export function captionLines(app: App, stamp: DataStamp, drawn: { actors: number; actions: number }): string[] {
  const latest = app.timeline
    .map((e) => e.date)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  const data = [
    stamp.counts ? `data: ${stamp.counts.actors} actors, ${stamp.counts.actions} actions, ${stamp.counts.sources} sources` : 'data',
    latest ? `latest action dated ${formatDate(latest, false)}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    filtersText(app),
    `Drawn: ${drawn.actors} actors, ${drawn.actions} actions · ${data} · made ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    location.href,
  ];
}
