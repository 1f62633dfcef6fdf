/** Answers kept as the bytes sent, with their validator, and only when kept answers stay true. */
import { AnswerCache } from '../../server/api/answer-cache';
import { Reply, type Answer } from '../../server/api/reply';

const kept = (answer: Answer) => {
  expect(answer).toBeInstanceOf(Reply);
  const { headers, body } = (answer as Reply).content;
  return { etag: headers!.ETag!, type: headers!['Content-Type'], body: String(body) };
};

test('a JSON answer is sent as its bytes with an ETag, and asked again, not made again', async () => {
  const c = new AnswerCache(1000, 10);
  let made = 0;
  const make = async () => ({ n: ++made });
  const first = kept(await c.answer(() => 1, '/a', make));
  expect(first.body).toBe('{"n":1}');
  expect(first.type).toBe('application/json');
  expect(kept(await c.answer(() => 1, '/a', make))).toEqual(first);
  expect(made).toBe(1);
  // The ETag names the bytes: another URL with the same body has the same one.
  expect(
    kept(
      await c.answer(
        () => 1,
        '/b',
        async () => ({ n: 1 }),
      ),
    ).etag,
  ).toBe(first.etag);
});

test('another version of the graph makes the answer again', async () => {
  const c = new AnswerCache(1000, 10);
  await c.answer(
    () => 1,
    '/a',
    async () => ({ v: 1 }),
  );
  expect(
    kept(
      await c.answer(
        () => 2,
        '/a',
        async () => ({ v: 2 }),
      ),
    ).body,
  ).toBe('{"v":2}');
});

test('an answer made while a write landed is sent but not kept', async () => {
  const c = new AnswerCache(1000, 10);
  let version = 1;
  const during = await c.answer(
    () => version,
    '/a',
    async () => {
      version = 2;
      return { v: 'mixed' };
    },
  );
  expect(during).toEqual({ v: 'mixed' });
  expect(
    kept(
      await c.answer(
        () => version,
        '/a',
        async () => ({ v: 2 }),
      ),
    ).body,
  ).toBe('{"v":2}');
});

test('a Reply (another status, a body that is not JSON) is passed on and not kept', async () => {
  const c = new AnswerCache(1000, 10);
  const unavailable = new Reply(503);
  expect(
    await c.answer(
      () => 1,
      '/a',
      async () => unavailable,
    ),
  ).toBe(unavailable);
  expect(
    kept(
      await c.answer(
        () => 1,
        '/a',
        async () => ({ ok: true }),
      ),
    ).body,
  ).toBe('{"ok":true}');
});

test('an answer too large to keep is still sent with its ETag', async () => {
  const c = new AnswerCache(100, 10);
  let made = 0;
  const big = async () => ({ s: 'x'.repeat(30), n: ++made });
  expect(kept(await c.answer(() => 1, '/big', big)).etag).toMatch(/^".+"$/);
  await c.answer(() => 1, '/big', big);
  expect(made).toBe(2);
});
