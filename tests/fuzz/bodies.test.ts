/**
 * Property-based fuzzing of every write's body: valid records with one field set to anything
 * (nested values, hostile strings, prototype keys), removed, or an unknown field added; any JSON
 * value; random bytes; odd Content-Types. Every answer is below 500 and in the spec's error shape;
 * a refused write leaves the store exactly as it was; an accepted record reads back exactly as it
 * was sent (text stored as given, whatever it holds); Object.prototype is never touched.
 */
import fc from 'fast-check';
import { API_ROUTES } from '../../server/api/routes';
import { canonicalJson } from '../reliability/support/ledger';
import { describeEachStore } from '../support/stores';
import {
  answerProblems,
  encode,
  FUZZ_SEED,
  FUZZ_TOKEN,
  hostileId,
  hostileString,
  jsonValueArb,
  mutatedRecord,
  openFuzzServer,
  runs,
  timeoutFor,
  VALID,
  type FuzzServer,
} from './support';

const KIND_OF: Record<string, keyof typeof VALID> = { actors: 'actor', sources: 'source', episodes: 'episode', actions: 'action' };

interface BodyCase {
  bytes: Buffer;
  contentType: string | null;
  /** The record sent, when the body is a record (to compare with what is stored). */
  record?: Record<string, unknown>;
  pathId: string;
}

function bodyArb(kind: keyof typeof VALID | null, put: boolean): fc.Arbitrary<BodyCase> {
  const id = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^fz-[a-z0-9]{1,8}$/) }, { weight: 1, arbitrary: hostileId });
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        null,
        'text/plain',
        'application/json; charset=utf-16',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
        'application/merge-patch+json',
        'multipart/form-data; boundary=x',
      ),
    },
  );
  const doc = (records: fc.Arbitrary<Record<string, unknown>[]>, key: 'actors' | 'sources' | 'actions') =>
    records.map((r) => ({ format: 'deplatforming-graph/v2', [key]: r }));
  const structured: fc.Arbitrary<unknown> = kind
    ? fc.oneof(
        { weight: 6, arbitrary: mutatedRecord(kind, id) },
        { weight: 1, arbitrary: fc.constant(VALID[kind]('fz-valid')) },
        { weight: 2, arbitrary: jsonValueArb(5) },
      )
    : fc.oneof(
        { weight: 2, arbitrary: doc(fc.array(mutatedRecord('actor', id), { maxLength: 3 }), 'actors') },
        { weight: 2, arbitrary: doc(fc.array(mutatedRecord('source', id), { maxLength: 3 }), 'sources') },
        { weight: 2, arbitrary: doc(fc.array(mutatedRecord('action', id), { maxLength: 3 }), 'actions') },
        {
          weight: 1,
          arbitrary: fc.record(
            { format: fc.oneof(fc.constant('deplatforming-graph/v1'), hostileString), actors: jsonValueArb(3) },
            { requiredKeys: [] },
          ),
        },
        { weight: 1, arbitrary: jsonValueArb(5) },
      );
  const bytes = fc.oneof(
    { weight: 8, arbitrary: structured.map((v) => ({ bytes: Buffer.from(JSON.stringify(v) ?? 'null', 'utf8'), value: v })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => ({ bytes: Buffer.from(b), value: undefined })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 100 }).map((t) => ({ bytes: Buffer.from(t, 'utf8'), value: undefined })) },
  );
  return fc.tuple(bytes, contentType, fc.boolean(), hostileId).map(([b, ct, samePath, otherId]) => {
    const record =
      b.value !== null && typeof b.value === 'object' && !Array.isArray(b.value) ? (b.value as Record<string, unknown>) : undefined;
    const bodyId = typeof record?.id === 'string' ? record.id : otherId;
    return { bytes: b.bytes, contentType: ct, record: kind ? record : undefined, pathId: put && samePath ? bodyId : otherId };
  });
}

describeEachStore('fuzz: bodies of every write', (factory) => {
  let f: FuzzServer;
  const tally: Record<string, Record<number, number>> = {};
  beforeAll(async () => {
    f = await openFuzzServer(factory);
  }, 60_000);
  afterAll(async () => {
    process.stdout.write(`[fuzz] bodies [${factory.name}] answers by route and status: ${JSON.stringify(tally)}\n`);
    await f.close();
  });

  for (const route of API_ROUTES.filter((r) => r.body)) {
    const method = route.method.toUpperCase() as 'POST' | 'PUT';
    const collection = route.path.split('/')[1]!;
    const kind = KIND_OF[collection] ?? null;
    test(
      `${method} /api${route.path}`,
      async () => {
        let before = await f.snapshot();
        const protoBefore = Object.getOwnPropertyNames(Object.prototype).join();
        await fc.assert(
          fc.asyncProperty(bodyArb(kind, method === 'PUT'), async (c) => {
            const url = `/api${route.path.replace(':id', encode(c.pathId))}`;
            const headers: Record<string, string> = { Authorization: `Bearer ${FUZZ_TOKEN}` };
            if (c.contentType) headers['Content-Type'] = c.contentType;
            const res = await f.client.request(method, url, undefined, headers, c.bytes);
            const counts = (tally[`${method} ${route.path}`] ??= {});
            counts[res.status] = (counts[res.status] ?? 0) + 1;
            const what = `${method} ${url} ${c.contentType} ${c.bytes.toString('utf8').slice(0, 300)}`;
            const problems = answerProblems(res, what);
            if (problems.length) throw new Error(problems.join('\n'));
            const after = await f.snapshot();
            if (res.status >= 300) {
              if (after !== before) throw new Error(`${what}: answered ${res.status} and changed the store`);
            } else if (kind && c.record) {
              // Accepted: the record reads back exactly as sent.
              const got = await f.client.get(`/api/${collection}/${encode(String(c.record.id))}`);
              const own: Record<string, unknown> = { ...got.body };
              for (const derived of ['degree', 'actionCounts', 'sources', 'actions', 'responses', 'time']) delete own[derived];
              if (canonicalJson(own) !== canonicalJson(c.record))
                throw new Error(`${what}: stored ${canonicalJson(own)} != sent ${canonicalJson(c.record)}`);
            }
            before = after;
            if (Object.getOwnPropertyNames(Object.prototype).join() !== protoBefore) throw new Error(`${what}: Object.prototype changed`);
          }),
          { numRuns: runs(150, factory.name), seed: FUZZ_SEED, endOnFailure: true },
        );
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
      timeoutFor(runs(150, factory.name), 250),
    );
  }
});
