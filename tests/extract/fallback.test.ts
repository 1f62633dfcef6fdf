/**
 * The structural fallback (server/extract/fallback.ts): a sanction, claim or restoration verb the
 * phrase rules found no actors for is read by position in its clause, at a lower confidence. The
 * sentences are made up; none comes from a gold or held-out report.
 */
import { ActorIndex, extract } from '../../server/extract';
import { anchorOf } from '../../bench/extract-score';

const index = new ActorIndex([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'cloudflare', name: 'Cloudflare', kind: 'company' },
  { id: 'ofcom', name: 'Ofcom', kind: 'regulator' },
]);
const run = (text: string) => extract(text, index, anchorOf('2021-06-08')).actions;
const triples = (text: string) => run(text).map((a) => [a.type, a.from.id ?? `new:${a.from.name}`, a.to.id ?? `new:${a.to.name}`]);

describe('the fallback reads a clause the rules left', () => {
  test('an object a few words after the verb ("dropped most of the Gab mirrors"): subject before, object after, lower confidence', () => {
    const [a, ...rest] = run('Cloudflare dropped most of the Gab mirrors on Sunday.');
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ type: 'BANNED', from: { id: 'cloudflare' }, to: { id: 'gab' }, date: '2021-06-06' });
    // The rules read "Cloudflare banned Gab on Sunday." at 0.75; the fallback's reading counts for less.
    const [ruled] = run('Cloudflare banned Gab on Sunday.');
    expect(a!.confidence).toBeLessThan(ruled!.confidence);
  });

  test('"the regulator" with no name before the verb stands for the actor described so earlier', () => {
    expect(
      triples("Britain's media regulator, Ofcom, warned Reddit on Monday. Later the regulator also restricted access to Gab."),
    ).toEqual([
      ['WARNED', 'ofcom', 'reddit'],
      ['RESTRICTED', 'ofcom', 'gab'],
    ]);
  });

  test('"Gab, which Cloudflare dropped": with no actor after the verb, the name before the relative word is the object', () => {
    // "is back online" is Gab's return from that ban (round 10), the only other proposal.
    const [a, ...rest] = run('Gab, which Cloudflare dropped last year, is back online.');
    expect(rest.map((x) => [x.type, x.from.id, x.to.id])).toEqual([['REINSTATED', 'cloudflare', 'gab']]);
    expect(a).toMatchObject({ type: 'BANNED', from: { id: 'cloudflare' }, to: { id: 'gab' } });
    expect(triples('Reddit said that Gab, which Cloudflare had banned, was back.')).toEqual([['BANNED', 'cloudflare', 'gab']]);
  });

  test('a negated or uncertain verb is not proposed by the fallback either', () => {
    expect(triples('Cloudflare did not drop most of the Gab mirrors.')).toEqual([]);
    expect(triples('It is unclear whether Cloudflare will drop most of the Gab mirrors.')).toEqual([]);
  });

  test('a passive: with "by" the agent acts; with none, the actor acting in the sentence before, else nothing', () => {
    expect(triples('Most of the Gab mirrors were dropped on Sunday.')).toEqual([]);
    expect(triples('Cloudflare cut off Gab on Monday. Reddit was dropped as well.')).toEqual([
      ['SUSPENDED', 'cloudflare', 'gab'],
      ['BANNED', 'cloudflare', 'reddit'],
    ]);
    expect(triples('Cloudflare cut off Gab on Monday. Reddit was not dropped.')).toEqual([['SUSPENDED', 'cloudflare', 'gab']]);
    expect(triples('Most of the Gab mirrors were dropped by Cloudflare on Sunday.')).toEqual([['BANNED', 'cloudflare', 'gab']]);
  });

  test('a clause the rules read is left to them: one proposal, at their confidence', () => {
    expect(run('Cloudflare banned Gab on Sunday.')).toMatchObject([
      { type: 'BANNED', from: { id: 'cloudflare' }, to: { id: 'gab' }, confidence: 0.75 },
    ]);
  });

  test('"the ban" is a noun, not a verb: no act is read from it', () => {
    expect(triples('Reddit criticised the ban of most of the Gab mirrors.')).toEqual([]);
  });
});
