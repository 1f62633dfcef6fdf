/** A small v2 graph whose exported values the export tests work out by hand. */
import type { Episode, InterchangeDocument } from '../../contract';
import { action, actor, doc, source, SRC } from '../api/harness';

export const LA = 'America/Los_Angeles';

/**
 * Three episodes: one with a span in Los Angeles (from 08:00 UTC on 6 January, the start of that
 * local day, to 07:59:59.999 UTC on 1 March, the end of February there) and a trigger; one
 * without a date; one that no action names.
 */
export const EPISODES: Episode[] = [
  {
    id: 'ep-1',
    title: 'y loses its providers',
    summary: 'The providers of y leave it within days.',
    date: '2021-01-06/2021-02',
    timezone: LA,
    trigger: { text: 'an attack', wikidata: 'Q104179868' },
  },
  { id: 'ep-2', title: 'y in court', summary: 'The suit of y against x.' },
  { id: 'ep-unused', title: 'an episode with no action', summary: 'Named by no action.' },
];

/**
 * A small graph worked out by hand. x acts on y five times (two parallel accusations of one type,
 * a warning, a suspension answering the warning, an approximate restriction), y sues x in answer
 * to the suspension, x hosts z over an interval, z owns y (undated). Spans, in UTC:
 * - 2021-01-09 as a Los Angeles day (-08:00): 08:00 on the 9th to 07:59:59.999 on the 10th;
 *   with no zone, the UTC day;
 * - 2021-01-09T17:00-08:00: the minute from 01:00 on the 10th;
 * - 2021-01-10T23:59-08:00: the minute from 07:59 on the 11th;
 * - 2021-01~ (approximate month): widened a month each side, December 2020 to February 2021;
 * - 2020/2021-01-10: 1 January 2020 to the last millisecond of 10 January 2021.
 */
export const small: InterchangeDocument = {
  ...doc(
    [actor('x', { name: 'Ex Corp', layer: 'cloud-hosting' }), actor('y', { name: 'Why Inc', kind: 'platform' }), actor('z')],
    [
      action('x-accuses-y-1', 'ACCUSED', 'x', 'y', '2021-01-09', {
        timezone: LA,
        status: 'alleged',
        claimedBy: ['x'],
        summary: 'first charge',
        citations: [{ source: SRC, stance: 'reports-claim', locator: 'para. 2' }],
      }),
      action('x-accuses-y-2', 'ACCUSED', 'x', 'y', '2021-01-09?', { status: 'alleged', claimedBy: ['x'], summary: 'second charge' }),
      action('x-warns-y', 'WARNED', 'x', 'y', '2021-01-09T17:00-08:00', { timezone: LA, term: 'temporary' }),
      action('x-suspends-y', 'SUSPENDED', 'x', 'y', '2021-01-10T23:59-08:00', {
        timezone: LA,
        episodes: ['ep-1'],
        respondsTo: ['x-warns-y'],
        scope: 'global',
        term: 'indefinite',
        reason: 'content it judged y left up',
        citations: [
          { source: SRC, stance: 'states', locator: 'para. 3' },
          { source: 'src-b', stance: 'reports-claim', quote: 'a short excerpt' },
        ],
      }),
      action('x-restricts-y', 'RESTRICTED', 'x', 'y', '2021-01~', { scope: ['BR', 'US-CA'] }),
      action('y-sues-x', 'SUED', 'y', 'x', '2021-01-11', {
        timezone: LA,
        respondsTo: ['x-suspends-y'],
        episodes: ['ep-1', 'ep-2'],
        summary: 'a suit',
        details: { court: 'W.D. Wash.' },
      }),
      action('x-hosts-z', 'HOSTED', 'x', 'z', '2020/2021-01-10'),
      action('z-owns-y', 'OWNS', 'z', 'y'),
    ],
    [source(SRC), source('src-b')],
  ),
  episodes: EPISODES,
};
