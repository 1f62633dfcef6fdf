/**
 * Property-based fuzzing of every route's query string and path parameter, from the route table
 * itself (a route added later is fuzzed too): hostile and plausible values, unknown and repeated
 * keys, raw bad escapes. Every answer is below 500, every error is the spec's JSON error with a
 * code of its list, and a request that is refused (or only reads) changes nothing in the store.
 * FUZZ_RUNS sets the runs per route (CI: 60 on the embedded store, fewer on Neo4j); FUZZ_SEED
 * replays a failure.
 */
import fc from 'fast-check';
import { API_ROUTES } from '../../server/api/routes';
import { describeEachStore } from '../support/stores';
import {
  answerProblems,
  encode,
  FUZZ_SEED,
  hostileId,
  openFuzzServer,
  queryArb,
  runs,
  timeoutFor,
  VALID,
  type FuzzServer,
} from './support';

function knownQuery(route: (typeof API_ROUTES)[number]): string[] {
  const shape = (route.query as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

const KIND_OF: Record<string, keyof typeof VALID> = { actors: 'actor', sources: 'source', episodes: 'episode', actions: 'action' };

describeEachStore('fuzz: query strings and path parameters of every route', (factory) => {
  let f: FuzzServer;
  const tally: Record<string, Record<number, number>> = {};
  beforeAll(async () => {
    f = await openFuzzServer(factory);
  }, 60_000);
  afterAll(async () => {
    process.stdout.write(`[fuzz] params [${factory.name}] answers by route and status: ${JSON.stringify(tally)}\n`);
    await f.close();
  });

  for (const route of API_ROUTES) {
    const method = route.method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'DELETE';
    test(
      `${method} /api${route.path}`,
      async () => {
        let before = await f.snapshot();
        const protoBefore = Object.getOwnPropertyNames(Object.prototype).join();
        await fc.assert(
          fc.asyncProperty(queryArb(knownQuery(route)), hostileId, async (query, id) => {
            const url = `/api${route.path.replace(':id', encode(id))}${query}`;
            const collection = route.path.split('/')[1]!;
            const body =
              route.body && KIND_OF[collection]
                ? VALID[KIND_OF[collection]](id)
                : route.body
                  ? { format: 'deplatforming-graph/v1' }
                  : undefined;
            const res = method === 'GET' ? await f.client.get(url) : await f.client.write(method, url, body);
            const counts = (tally[`${method} ${route.path}`] ??= {});
            counts[res.status] = (counts[res.status] ?? 0) + 1;
            const problems = answerProblems(res, `${method} ${url}`);
            if (problems.length) throw new Error(problems.join('\n'));
            if (method === 'GET') return; // reads are compared once, after the whole run
            const after = await f.snapshot();
            if (res.status >= 300 && after !== before) throw new Error(`${method} ${url} answered ${res.status} and changed the store`);
            before = after;
          }),
          { numRuns: runs(60, factory.name), seed: FUZZ_SEED, endOnFailure: true },
        );
        expect(await f.snapshot()).toBe(before);
        expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(protoBefore);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
      timeoutFor(runs(60, factory.name), 250),
    );
  }
});
