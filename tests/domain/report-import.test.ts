/**
 * The report panel's import builder: a reviewed report becomes one v2 import holding its source,
 * the confirmed new actors the accepted proposals name, and the accepted actions citing the source.
 */
import type { ExtractAnswer } from '../../contract';
import { parseDocument } from '../../contract';
import { actionIdFor, buildReportImport, sourceIdFor, stanceFor } from '../../client/features/report/build-import';
import { addManualAction, addManualActor, reviewFromAnswer, slugify, type Review } from '../../client/features/report/review';

// Offsets counted by hand: the three sentences are [0, 53), [54, 81) and [82, 108).
const TEXT = 'Stripe stopped processing payments for Gab on Sunday. Gab accused Stripe of bias. Epik took over the domain.';

const answer: ExtractAnswer = {
  actors: [
    {
      id: 'gab',
      name: 'Gab',
      mentions: [
        [39, 42],
        [54, 57],
      ],
    },
    {
      id: null,
      name: 'Stripe',
      mentions: [
        [0, 6],
        [66, 72],
      ],
    },
    { id: null, name: 'Epik', mentions: [[82, 86]] },
  ],
  actions: [
    {
      key: 'p1',
      type: 'SUSPENDED',
      from: { id: null, name: 'Stripe' },
      to: { id: 'gab', name: 'Gab' },
      date: '2018-10-28',
      status: 'reported',
      claimedBy: [],
      respondsTo: [],
      evidence: [[0, 53]],
      confidence: 0.8,
    },
    {
      key: 'p2',
      type: 'ACCUSED',
      from: { id: 'gab', name: 'Gab' },
      to: { id: null, name: 'the Stripe' },
      date: null,
      status: 'alleged',
      claimedBy: [{ id: 'gab', name: 'Gab' }],
      respondsTo: ['p1'],
      evidence: [[54, 81]],
      confidence: 0.7,
    },
    {
      key: 'p3',
      type: 'HOSTED',
      from: { id: null, name: 'Epik' },
      to: { id: 'gab', name: 'Gab' },
      date: null,
      status: 'reported',
      claimedBy: [],
      respondsTo: [],
      evidence: [[82, 108]],
      confidence: 0.5,
    },
  ],
};

const SOURCE = { title: 'Gab loses its payments', publisher: 'Example News', published: '2018-10-29', url: 'https://example.org/gab' };

function reviewed(decisions: Record<string, 'accepted' | 'rejected'>, confirm: string[] = ['Stripe']): Review {
  const r = reviewFromAnswer(TEXT, answer);
  for (const a of r.actions) a.decision = decisions[a.key] ?? 'open';
  for (const n of r.newActors) n.confirmed = confirm.includes(n.name);
  return r;
}

test('new actors named twice (with an article) are one draft with a suggested id, unconfirmed', () => {
  const r = reviewFromAnswer(TEXT, answer);
  expect(r.newActors.map((n) => [n.key, n.name, n.id, n.confirmed])).toEqual([
    ['n1', 'Stripe', 'stripe', false],
    ['n2', 'Epik', 'epik', false],
  ]);
  expect(r.actions[1]!.to).toEqual({ kind: 'new', key: 'n1' });
  expect(r.actions.map((a) => a.decision)).toEqual(['open', 'open', 'open']);
  expect(slugify('Ça Marche — Inc.')).toBe('ca-marche-inc');
});

test('a proposal naming an unconfirmed new actor cannot be saved', () => {
  const built = buildReportImport({ review: reviewed({ p1: 'accepted', p2: 'accepted' }, []), source: SOURCE, withQuotes: false });
  expect(built.ok).toBe(false);
  if (built.ok) return;
  expect(built.problems).toEqual([
    'proposal 1 from: confirm the new actor "Stripe" (its id, name and kind) first',
    'proposal 2 to: confirm the new actor "Stripe" (its id, name and kind) first',
  ]);
});

test('accepted proposals become actions citing the new source; rejected ones and unused actors stay out', () => {
  const built = buildReportImport({
    review: reviewed({ p1: 'accepted', p2: 'accepted', p3: 'rejected' }, ['Stripe', 'Epik']),
    source: SOURCE,
    withQuotes: false,
  });
  expect(built.ok).toBe(true);
  if (!built.ok) return;
  const doc = built.document;
  const src = doc.sources![0]!;
  expect(src).toEqual({
    id: src.id,
    title: 'Gab loses its payments',
    publisher: 'Example News',
    published: '2018-10-29',
    url: 'https://example.org/gab',
    kind: 'news',
  });
  expect(src.id).toMatch(/^src-gab-loses-its-payments-[0-9a-z]{6}$/);
  // Epik was confirmed, but the only proposal naming it was rejected.
  expect(doc.actors).toEqual([{ id: 'stripe', name: 'Stripe', kind: 'company' }]);
  const [suspended, accused] = doc.actions!;
  expect(suspended!.id).toMatch(/^stripe-suspended-gab-[0-9a-z]{6}$/);
  expect(suspended).toEqual({
    id: suspended!.id,
    type: 'SUSPENDED',
    from: 'stripe',
    to: 'gab',
    date: '2018-10-28',
    status: 'reported',
    summary: 'Stripe suspended Gab, as the report "Gab loses its payments" has it.',
    citations: [{ source: src.id, stance: 'states', locator: 'chars 0-53' }],
  });
  expect(accused).toEqual({
    id: accused!.id,
    type: 'ACCUSED',
    from: 'gab',
    to: 'stripe',
    status: 'alleged',
    claimedBy: ['gab'],
    respondsTo: [suspended!.id],
    summary: 'Gab accused Stripe, as the report "Gab loses its payments" has it.',
    citations: [{ source: src.id, stance: 'reports-claim', locator: 'chars 54-81' }],
  });
  expect(built.actionIds).toEqual([suspended!.id, accused!.id]);
  expect(built.focus).toBe('gab');
  expect(parseDocument(doc).ok).toBe(true);
});

test('with quotes asked for, each citation quotes its evidence', () => {
  const built = buildReportImport({ review: reviewed({ p2: 'accepted' }), source: SOURCE, withQuotes: true });
  expect(built.ok).toBe(true);
  if (!built.ok) return;
  expect(built.document.actions![0]!.citations[0]!.quote).toBe('Gab accused Stripe of bias.');
  // The suspension it answers was not accepted: the link goes with it.
  expect(built.document.actions![0]!.respondsTo).toBeUndefined();
});

test('corrections are saved as corrected, and bad ones are named by proposal and field', () => {
  const r = reviewed({ p1: 'accepted' });
  const row = r.actions[0]!;
  row.type = 'BANNED';
  row.date = '2018-10-27/2018-10-28';
  row.status = 'confirmed';
  row.summary = 'Stripe ended its service to Gab.';
  let built = buildReportImport({ review: r, source: SOURCE, withQuotes: false });
  expect(built.ok && built.document.actions![0]).toMatchObject({
    type: 'BANNED',
    date: '2018-10-27/2018-10-28',
    status: 'confirmed',
    summary: 'Stripe ended its service to Gab.',
    citations: [{ stance: 'states' }],
  });
  row.date = 'Sunday';
  row.to = row.from;
  built = buildReportImport({ review: r, source: { ...SOURCE, url: 'ftp://example.org/gab' }, withQuotes: false });
  expect(built.ok).toBe(false);
  const problems = built.ok ? [] : built.problems;
  expect(problems.some((p) => p.startsWith('source url:'))).toBe(true);
  expect(problems.some((p) => p.startsWith('proposal 1 date:'))).toBe(true);
  expect(problems).toContain('proposal 1 to: may not equal "from"');
});

test('nothing accepted, or a bad or shared new actor id, is refused before sending', () => {
  const none = buildReportImport({ review: reviewed({ p1: 'rejected' }), source: SOURCE, withQuotes: false });
  expect(none.ok ? [] : none.problems).toEqual(['accept at least one proposal: only accepted proposals are saved']);

  const r = reviewed({ p1: 'accepted', p3: 'accepted' }, ['Stripe', 'Epik']);
  r.newActors[1]!.id = 'stripe';
  const shared = buildReportImport({ review: r, source: SOURCE, withQuotes: false });
  expect(shared.ok ? [] : shared.problems).toEqual(['new actor "Epik": id "stripe" is also given to "Stripe"']);

  r.newActors[1]!.id = 'Epik Inc';
  const bad = buildReportImport({ review: r, source: SOURCE, withQuotes: false });
  expect((bad.ok ? [] : bad.problems).filter((p) => p.startsWith('new actor'))).toEqual([
    expect.stringMatching(/^new actor "Epik" id: must be a slug/),
  ]);
});

test('ids are the same for the same review and differ from another report', () => {
  const one = buildReportImport({ review: reviewed({ p1: 'accepted' }), source: SOURCE, withQuotes: false });
  const again = buildReportImport({ review: reviewed({ p1: 'accepted' }), source: SOURCE, withQuotes: false });
  expect(one).toEqual(again);
  expect(sourceIdFor(TEXT, SOURCE.title)).not.toBe(sourceIdFor(`${TEXT} `, SOURCE.title));
  expect(actionIdFor('src-a', { key: 'p1', type: 'SUSPENDED' }, 'stripe', 'gab')).not.toBe(
    actionIdFor('src-a', { key: 'p2', type: 'SUSPENDED' }, 'stripe', 'gab'),
  );
  expect(actionIdFor('src-a', { key: 'p1', type: 'USERS_MIGRATED' }, 'a'.repeat(64), 'b'.repeat(64))).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
});

test('stance: what is only claimed is a reported claim; the rest the report states', () => {
  expect(stanceFor({ type: 'SUSPENDED', status: 'reported' })).toBe('states');
  expect(stanceFor({ type: 'ACCUSED', status: 'reported' })).toBe('reports-claim');
  expect(stanceFor({ type: 'ACCUSED', status: 'confirmed' })).toBe('states');
  expect(stanceFor({ type: 'SUSPENDED', status: 'disputed' })).toBe('reports-claim');
  expect(stanceFor({ type: 'DENIED', status: 'reported' })).toBe('states');
});

test('a proposal added by hand names nobody until its actors are chosen, then saves like any other', () => {
  const r = reviewed({ p1: 'rejected' });
  // "Stripe" at 66-72, selected by the person, who also adds the proposal from the second sentence.
  const stripe = addManualActor(r, 'Stripe', [66, 72]);
  expect(stripe.key).toBe('n1');
  expect(stripe.mentions).toEqual([
    [0, 6],
    [66, 72],
  ]);
  const epikInc = addManualActor(r, 'Epik Inc', null);
  expect(epikInc).toMatchObject({ key: 'n3', id: 'epik-inc', confirmed: false, mentions: [] });
  const added = addManualAction(r, [[54, 81]]);
  expect(added).toMatchObject({ key: 'u1', manual: true, decision: 'open', from: { kind: 'known', id: '' } });
  added.decision = 'accepted';
  const refused = buildReportImport({ review: r, source: SOURCE, withQuotes: false });
  expect(refused.ok ? [] : refused.problems).toEqual(['proposal 4 from: choose an actor', 'proposal 4 to: choose an actor']);
  added.from = { kind: 'known', id: 'gab' };
  added.to = { kind: 'new', key: 'n1' };
  added.type = 'ACCUSED';
  added.status = 'alleged';
  added.claimedBy = [{ kind: 'known', id: 'gab' }];
  const built = buildReportImport({ review: r, source: SOURCE, withQuotes: false });
  expect(built.ok && built.document.actions).toEqual([
    expect.objectContaining({
      from: 'gab',
      to: 'stripe',
      type: 'ACCUSED',
      claimedBy: ['gab'],
      citations: [expect.objectContaining({ locator: 'chars 54-81', stance: 'reports-claim' })],
    }),
  ]);
});
