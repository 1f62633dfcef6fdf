/** Failed token attempts are rate-limited apart from a valid token's writes: others' guesses never lock out a valid key. */
import request from 'supertest';
import { embeddedFactory } from '../support/stores';
import { AUTH, actor, openHarness } from './harness';

test('guesses from the same address get 401 then 429; the valid token still writes, under its own limit', async () => {
  const h = await openHarness(embeddedFactory, { writeRateLimitPerMinute: 3 });
  try {
    const guesses: number[] = [];
    for (let i = 0; i < 5; i++)
      guesses.push(
        (
          await request(h.app)
            .post('/api/actors')
            .set('Authorization', `Bearer guess-${i}`)
            .send(actor(`g-${i}`))
        ).status,
      );
    expect(guesses).toEqual([401, 401, 401, 429, 429]);
    const limited = await request(h.app).post('/api/actors').send(actor('g-none')).expect(429);
    expect(limited.body.error.message).toMatch(/failed token attempts/);
    for (let i = 0; i < 3; i++)
      await request(h.app)
        .post('/api/actors')
        .set(AUTH)
        .send(actor(`v-${i}`))
        .expect(201);
    const over = await request(h.app).post('/api/actors').set(AUTH).send(actor('v-over')).expect(429);
    expect(over.body.error.message).toMatch(/too many writes/);
  } finally {
    await h.close();
  }
});
