/**
 * The extractor on its own (no HTTP): what a reviewer relies on. Offsets slice to the words, known
 * actors are found however the report writes them, statuses and links follow the v2 model,
 * relative dates resolve against the publication date, hostile text is answered quickly, and the
 * gold set keeps its score.
 */
import path from 'node:path';
import { ActorIndex, extract } from '../../server/extract';
import { MAX_SENTENCE, sentences, tokenize } from '../../server/extract/text';
import { anchorOf, corporateFamilies, datasetActors, goldReports, scoreAll } from '../../bench/extract-score';

const index = new ActorIndex([
  { id: 'paypal', name: 'PayPal', kind: 'company' },
  { id: 'gab', name: 'Gab', kind: 'platform', aliases: ['Gab.com'] },
  { id: 'daily-stormer', name: 'The Daily Stormer', kind: 'media' },
  { id: 'godaddy', name: 'GoDaddy', kind: 'company' },
  { id: 'google-domains', name: 'Google Domains', kind: 'company' },
  { id: 'parler', name: 'Parler', kind: 'platform' },
  { id: 'amazon', name: 'Amazon', kind: 'company' },
  { id: 'twitter', name: 'Twitter', kind: 'platform' },
  { id: 'zoe', name: 'Zoë Café', kind: 'company' },
]);

const run = (text: string, published?: string) => extract(text, index, anchorOf(published));
const words = (text: string, spans: Array<[number, number]>) => spans.map(([s, e]) => text.slice(s, e));

describe('actors', () => {
  test('a known name matches without its article, case or accents; its mentions slice to the name as written', () => {
    const text = 'GoDaddy dropped the daily stormer. Later ZOE CAFE banned Gab.';
    const a = run(text);
    const stormer = a.actors.find((x) => x.id === 'daily-stormer')!;
    expect(words(text, stormer.mentions)).toEqual(['daily stormer']);
    expect(words(text, a.actors.find((x) => x.id === 'zoe')!.mentions)).toEqual(['ZOE CAFE']);
    expect(a.actions.map((x) => [x.from.id, x.type, x.to.id])).toEqual([
      ['godaddy', 'BANNED', 'daily-stormer'],
      ['zoe', 'BANNED', 'gab'],
    ]);
  });

  test('a proper name that matches no actor is proposed as a new actor with id null', () => {
    const text = 'On Monday Voxility removed BitMitigate from its network.';
    const a = run(text);
    expect(a.actions[0]).toMatchObject({ from: { id: null, name: 'Voxility' }, to: { id: null, name: 'BitMitigate' } });
    expect(a.actors.map((x) => [x.id, x.name, words(text, x.mentions)])).toEqual([
      [null, 'Voxility', ['Voxility']],
      [null, 'BitMitigate', ['BitMitigate']],
    ]);
  });

  test('a common word in lower case is not the actor of that name', () => {
    expect(run('A medium-sized host banned nobody. PayPal banned Gab.').actors.map((x) => x.id)).toEqual(['paypal', 'gab']);
  });
});

describe('actions', () => {
  test('evidence runs from the first actor named to the last, the verb included', () => {
    const text = 'After the shooting, PayPal permanently banned Gab from its service.';
    const [a] = run(text).actions;
    expect(words(text, a!.evidence)).toEqual(['PayPal permanently banned Gab']);
  });

  test('UTF-16 offsets stay right after astral characters and right-to-left text', () => {
    const text = '😀😀 مرحبا — PayPal banned Gab.';
    const [a] = run(text).actions;
    expect(words(text, a!.evidence)).toEqual(['PayPal banned Gab']);
  });

  test('the passive: the actor after "by" acted', () => {
    expect(run('Gab was banned by PayPal on Saturday.', '2018-10-29').actions[0]).toMatchObject({
      type: 'BANNED',
      from: { id: 'paypal' },
      to: { id: 'gab' },
      date: '2018-10-27',
    });
  });

  test('a deadline is a notice followed by the sanction it announces, dated to the deadline', () => {
    const text = 'On Sunday GoDaddy gave the Daily Stormer 24 hours to move its domain to another registrar.';
    const a = run(text, '2017-08-14').actions;
    expect(a.map((x) => [x.type, x.from.id, x.to.id, x.date])).toEqual([
      ['WARNED', 'godaddy', 'daily-stormer', '2017-08-13'],
      ['REFUSED', 'godaddy', 'daily-stormer', '2017-08-13/2017-08-14'],
    ]);
  });

  test('"moved its domain to" is a move from the sanctioned party to its new provider', () => {
    const a = run('The Daily Stormer moved its domain to Google Domains on Monday.', '2017-08-14').actions;
    expect(a).toEqual([
      expect.objectContaining({
        type: 'MOVED_TO',
        from: expect.objectContaining({ id: 'daily-stormer' }),
        to: expect.objectContaining({ id: 'google-domains' }),
        date: '2017-08-14',
      }),
    ]);
  });

  test('an announced sanction is a notice, not the sanction', () => {
    const a = run('Amazon said it would suspend Parler.').actions;
    expect(a.map((x) => [x.type, x.from.id, x.to.id])).toEqual([['WARNED', 'amazon', 'parler']]);
  });

  test('a denied or asked-for act is not proposed', () => {
    expect(run('Amazon has no plans to suspend Twitter. Parler asked the court to force Amazon to reinstate it.').actions).toEqual([]);
  });

  test('a claim is alleged with its claimant; a denial responds to it', () => {
    const a = run('Parler alleges that Amazon conspired with Twitter. Amazon denied the allegations.').actions;
    const claims = a.filter((x) => x.type === 'ACCUSED');
    expect(claims.map((x) => [x.from.id, x.to.id, x.status, x.claimedBy.map((c) => c.id)])).toEqual([
      ['parler', 'amazon', 'alleged', ['parler']],
      ['parler', 'twitter', 'alleged', ['parler']],
    ]);
    const denial = a.find((x) => x.type === 'DENIED')!;
    expect(denial).toMatchObject({ from: { id: 'amazon' }, to: { id: 'parler' }, status: 'confirmed' });
    expect(denial.respondsTo).toEqual([claims[0]!.key]);
  });

  test('a sanction told by a third party or by hearsay is reported; by the acting party, confirmed', () => {
    const status = (text: string) => run(text).actions.map((x) => x.status);
    expect(status('Gab said PayPal banned it.')).toEqual(['reported']);
    expect(status('According to Reuters, PayPal banned Gab.')).toEqual(['reported']);
    expect(status('PayPal confirmed that it banned Gab.')).toEqual(['confirmed']);
  });
});

describe('dates against the publication date', () => {
  const dateOf = (text: string, published?: string) => run(text, published).actions[0]?.date;

  test('weekdays, last evening and this weekend resolve to the day or the Saturday-Sunday interval', () => {
    // 29 October 2018 was a Monday.
    expect(dateOf('On Saturday PayPal banned Gab.', '2018-10-29')).toBe('2018-10-27');
    expect(dateOf('Last evening PayPal banned Gab.', '2018-10-29')).toBe('2018-10-28');
    expect(dateOf('PayPal banned Gab this weekend.', '2018-10-29')).toBe('2018-10-27/2018-10-28');
  });

  test('a publication interval gives an interval holding both readings', () => {
    // 11 to 17 January 2021: "on Sunday" is the 10th read from the 11th, the 17th read from the 17th.
    expect(dateOf('Amazon cut off Parler on Sunday.', '2021-01-11/2021-01-17')).toBe('2021-01-10/2021-01-17');
  });

  test('absolute dates stand as written; without a publication date a date with no year is left out', () => {
    expect(dateOf('PayPal banned Gab on 27 October 2018.')).toBe('2018-10-27');
    expect(dateOf('PayPal banned Gab in October 2018.')).toBe('2018-10');
    expect(dateOf('PayPal banned Gab on Saturday.')).toBeNull();
  });
});

describe('hostile text', () => {
  test('1 MB of one word, markup, lone surrogates and mixed scripts answer an empty or correct proposal list, quickly', () => {
    const cases = [
      'a'.repeat(1_000_000),
      '<script>alert(1)</script><p>PayPal <b>banned</b> Gab.</p>',
      '\ud800 PayPal \udc00 banned Gab \ud83d',
      'שלום PayPal banned Gab 你好 ',
      '. . . ! ? '.repeat(50_000),
      'The '.repeat(200_000),
    ];
    for (const text of cases) {
      const t0 = performance.now();
      const a = run(text);
      expect(performance.now() - t0).toBeLessThan(3000);
      for (const x of a.actions) for (const [s, e] of x.evidence) expect(0 <= s && s < e && e <= text.length).toBe(true);
    }
    expect(run(cases[1]!).actions.map((x) => [x.from.id, x.to.id])).toEqual([['paypal', 'gab']]);
    expect(run(cases[2]!).actions.map((x) => [x.from.id, x.to.id])).toEqual([['paypal', 'gab']]);
  });
});

describe('text with no sentence end', () => {
  // Made-up words with verbs and known actors, no full stop: unbounded, each verb read its clause
  // to the end of one 1 MB "sentence" and the answer took minutes (the pool's deadline said 503).
  const line = 'PayPal banned Gab and Twitter said the company had suspended Parler while GoDaddy warned ';
  const long = line.repeat(Math.ceil(1_000_000 / line.length));

  test('1 MB of real words on one line, or one word 200,000 times, is answered in seconds, with evidence in bounds', () => {
    for (const text of [long, 'word '.repeat(200_000)]) {
      const t0 = performance.now();
      const a = run(text);
      expect(performance.now() - t0).toBeLessThan(10_000);
      for (const x of a.actions) for (const [s, e] of x.evidence) expect(0 <= s && s < e && e <= text.length).toBe(true);
    }
  });

  test('no sentence is longer than MAX_SENTENCE; a long run is cut after a comma or semicolon, else at a space', () => {
    const text = `${'PayPal banned Gab, '.repeat(100)}${'and then '.repeat(300)}`;
    const all = sentences(text, tokenize(text));
    expect(all.length).toBeGreaterThan(1);
    for (const s of all) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(text[all[0]!.end]).toBe(','); // the piece's last word is the one before a comma
    // A sentence of ordinary length is left whole.
    const short = 'PayPal banned Gab, and GoDaddy warned The Daily Stormer.';
    expect(sentences(short, tokenize(short))).toHaveLength(1);
  });

  test('a piece of a long run is still read: its act is proposed', () => {
    const text = `${'and then '.repeat(200)}PayPal banned Gab ${'and then '.repeat(200)}`;
    expect(run(text).actions.map((x) => [x.from.id, x.to.id, x.type])).toContainEqual(['paypal', 'gab', 'BANNED']);
  });
});

describe('the gold set (tests/extract/gold)', () => {
  const root = path.resolve(__dirname, '..', '..');
  const actors = datasetActors(root);
  const reports = goldReports(root);

  test('holds at least 12 reports, and the extractor keeps its score on them', () => {
    expect(reports.length).toBeGreaterThanOrEqual(12);
    const s = scoreAll(reports, actors, corporateFamilies(root));
    // Floors a little under the figures in BENCHMARKS.md, so a regression fails here.
    expect(s.precision).toBeGreaterThanOrEqual(0.85);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
    expect(s.dateHeld / s.dated).toBeGreaterThanOrEqual(0.8);
  });

  // `npm run eval:extract` times the same text outside jest (BENCHMARKS.md); under jest, on a shared
  // machine, the bound is looser so the test says "linear and fast", not a precise figure.
  test('a 10,000-word report is read in well under two seconds', () => {
    const words = reports
      .map((r) => r.text)
      .join(' ')
      .split(/\s+/);
    const text = Array.from({ length: 10_000 }, (_, i) => words[i % words.length]).join(' ');
    extract(text, actors, anchorOf('2021-01-12'));
    const t0 = performance.now();
    extract(text, actors, anchorOf('2021-01-12'));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
