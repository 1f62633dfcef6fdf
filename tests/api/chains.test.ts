/**
 * GET /api/chains v2 parameters on a small hand-made graph, through POST /api/import, on both
 * stores: categories (default, a list, all), order=certain, and what a bad value answers.
 */
import request from 'supertest';
import { describeEachStore } from '../support/stores';
import { action, doc, importDoc, openHarness, type Harness } from './harness';

/*
 * Days of March 2021 (UTC):
 *   k1 h SUSPENDED s 1    k2 s SUED h 2    k3 s ACCUSED h 2    k4 s ACCUSED h 2 (k3, k4 parallel)
 *   k5 h DENIED s 3 (responds to k2)    k6 h REINSTATED s 2021-03 (the whole month)
 * Default categories follow k1 (sanction), k2 (legal), k6 (restoration), and k5 only as the step
 * after k2 (it answers k2). k6's month overlaps every day here, so every step to or from it is
 * possible, never certain. Chains start with an action touching h: k1, k2, k6 (and k3, k4, k5
 * when claims are followed).
 */
const graph = doc(
  ['h', 's'],
  [
    action('k1', 'SUSPENDED', 'h', 's', '2021-03-01'),
    action('k2', 'SUED', 's', 'h', '2021-03-02'),
    action('k3', 'ACCUSED', 's', 'h', '2021-03-02'),
    action('k4', 'ACCUSED', 's', 'h', '2021-03-02'),
    action('k5', 'DENIED', 'h', 's', '2021-03-03', { respondsTo: ['k2'] }),
    action('k6', 'REINSTATED', 'h', 's', '2021-03'),
  ],
);

interface Answer {
  chains: Array<{ actions: string[]; steps: Array<{ actions: string[]; order?: string }> }>;
  truncated: boolean;
}
const written = (body: Answer) => body.chains.map((c) => c.steps.map((s) => s.actions.join('|')).join(' '));

describeEachStore('GET /api/chains (v2 parameters)', (factory) => {
  let h: Harness;
  const get = (url: string) => request(h.app).get(url);

  beforeAll(async () => {
    h = await openHarness(factory);
    await importDoc(h.app, graph);
  });
  afterAll(() => h.close());

  test('categories=sanction,legal and order=certain: the suspension, the suit and the denial answering it', async () => {
    // k1 (1st), k2 (2nd), then k5 (3rd) answering k2; from k2 itself, k2 then k5 (k1 came before).
    const res = await get('/api/chains?actor=h&categories=sanction,legal&order=certain').expect(200);
    expect(written(res.body as Answer)).toEqual(['k1 k2 k5', 'k2 k5']);
    expect((res.body as Answer).chains[0]!.steps.map((s) => s.order)).toEqual([undefined, 'certain', 'certain']);
  });

  test('the restoration spans the month: with it, possible steps appear, and order=certain drops them', async () => {
    const any = (await get('/api/chains?actor=h&categories=sanction,legal,restoration').expect(200)).body as Answer;
    expect(written(any)).toContain('k1 k2 k5 k6');
    const step = any.chains.find((c) => c.actions.join(' ') === 'k1 k2 k5 k6')!.steps[3]!;
    expect(step.order).toBe('possible');
    const certain = (await get('/api/chains?actor=h&categories=sanction,legal,restoration&order=certain').expect(200)).body as Answer;
    expect(written(certain)).toEqual(['k1 k2 k5', 'k2 k5']);
  });

  test('categories=all brings in the parallel accusations as one step', async () => {
    const res = (await get('/api/chains?actor=h&categories=all&order=certain').expect(200)).body as Answer;
    // k1 (1st) is followed for certain by k2 or k3|k4 (2nd), or straight by k5 (3rd); k5, a claim,
    // follows anything once every category is followed. From k2 and from k3|k4 themselves: then k5.
    // Length first, then the steps' first actions by date and id (k2 before k3).
    expect(written(res)).toEqual(['k1 k2 k5', 'k1 k3|k4 k5', 'k1 k5', 'k2 k5', 'k3|k4 k5']);
  });

  test('the category filter alone is also what the chains follow', async () => {
    // Only claims take part and are followed: k3|k4 (2nd) then k5 (3rd); k5 is last.
    const res = (await get('/api/chains?actor=h&category=claim').expect(200)).body as Answer;
    expect(written(res)).toEqual(['k3|k4 k5']);
  });

  test('bad values are 400s naming the field', async () => {
    expect((await get('/api/chains?actor=h&categories=sanction,gossip').expect(400)).body.error.message).toContain('"categories"');
    expect((await get('/api/chains?actor=h&categories=').expect(400)).body.error.message).toContain('"categories"');
    expect((await get('/api/chains?actor=h&order=maybe').expect(400)).body.error.message).toContain('"order"');
  });
});
