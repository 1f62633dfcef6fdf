/** POST /api/extract over HTTP: the token, the answer's shape, offsets, and bad input answered with a 4xx. */
import request from 'supertest';
import { ExtractAnswerSchema, INTERCHANGE_FORMAT } from '../../contract';
import { embeddedFactory } from '../support/stores';
import { AUTH, importDoc, openHarness, type Harness } from './harness';

describe('POST /api/extract', () => {
  let h: Harness;
  const post = (body: unknown) =>
    request(h.app)
      .post('/api/extract')
      .set(AUTH)
      .send(body as object);

  beforeAll(async () => {
    h = await openHarness(embeddedFactory);
    await importDoc(h.app, {
      format: INTERCHANGE_FORMAT,
      actors: [
        { id: 'paypal', name: 'PayPal', kind: 'company' },
        { id: 'gab', name: 'Gab', kind: 'platform', aliases: ['Gab.com'] },
        { id: 'daily-stormer', name: 'The Daily Stormer', kind: 'platform' },
        { id: 'godaddy', name: 'GoDaddy', kind: 'company' },
      ],
      sources: [],
      actions: [],
    });
  });
  afterAll(() => h.close());

  test('proposes a dated sanction between known actors, with evidence that slices to its words', async () => {
    const text = 'On Saturday, PayPal banned Gab after the shooting.';
    const res = await post({ text, published: '2018-10-29' }).expect(200);
    const answer = ExtractAnswerSchema.parse(res.body);
    expect(answer.actions).toHaveLength(1);
    const a = answer.actions[0]!;
    expect(a).toMatchObject({ type: 'BANNED', from: { id: 'paypal' }, to: { id: 'gab' }, date: '2018-10-27', status: 'confirmed' });
    expect(a.evidence.map(([s, e]) => text.slice(s, e))).toEqual(['PayPal banned Gab']);
    expect(answer.actors.map((x) => x.id)).toEqual(['paypal', 'gab']);
  });

  test('needs the token', async () => {
    await request(h.app).post('/api/extract').send({ text: 'x' }).expect(401);
  });

  test('an empty or missing text, a text that is not a string, or a bad published date is a 400 naming the field', async () => {
    for (const [body, field] of [
      [{ text: '' }, 'text'],
      [{}, 'text'],
      [{ text: 42 }, 'text'],
      [{ text: ['PayPal banned Gab.'] }, 'text'],
      [{ text: 'PayPal banned Gab.', published: 'last Tuesday' }, 'published'],
      [{ text: 'PayPal banned Gab.', published: 20181029 }, 'published'],
    ] as const) {
      const res = await post(body).expect(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(`${res.body.error.message} ${res.body.error.details.join(' ')}`).toContain(field);
    }
  });

  test('a body that is not JSON is a 400; one over 1 MB is a 413 with a JSON error', async () => {
    const notJson = await request(h.app)
      .post('/api/extract')
      .set(AUTH)
      .set('Content-Type', 'application/json')
      .send('{"text": "Pay')
      .expect(400);
    expect(notJson.body.error.code).toBe('bad_request');
    const plain = await request(h.app)
      .post('/api/extract')
      .set(AUTH)
      .set('Content-Type', 'text/plain')
      .send('PayPal banned Gab.')
      .expect(400);
    expect(plain.body.error.message).toContain('JSON body');
    const big = await post({ text: 'a '.repeat(600_000) }).expect(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });

  test('just under 1 MB of one word, markup and right-to-left text get a correct answer; a lone surrogate is a 400 naming text', async () => {
    const long = await post({ text: 'w'.repeat(999_000) }).expect(200);
    expect(long.body).toEqual({ actors: [], actions: [] });
    const text = '<p dir="rtl">مرحبا</p> <b>PayPal</b> banned Gab.';
    const answer = ExtractAnswerSchema.parse((await post({ text }).expect(200)).body);
    expect(answer.actions.map((a) => [a.from.id, a.to.id, words(text, a.evidence)])).toEqual([
      ['paypal', 'gab', ['PayPal</b> banned Gab']],
    ]);
    const lone = await post({ text: 'PayPal \ud800 banned Gab.' }).expect(400);
    expect(lone.body.error.details.join(' ')).toContain('text: contains an unpaired UTF-16 surrogate');
  });

  test('the answer is the same for the same text, and nothing is stored', async () => {
    const body = { text: 'GoDaddy gave The Daily Stormer 24 hours to move its domain on Sunday.', published: '2017-08-14' };
    const first = (await post(body).expect(200)).body;
    expect((await post(body).expect(200)).body).toEqual(first);
    expect(first.actions.map((a: { type: string }) => a.type)).toEqual(['WARNED', 'REFUSED']);
    const health = await request(h.app).get('/api/health').expect(200);
    expect(health.body.counts.actions).toBe(0);
  });
});

const words = (text: string, spans: Array<[number, number]>) => spans.map(([s, e]) => text.slice(s, e));
