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
});
