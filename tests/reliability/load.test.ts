/**
 * The short load run for CI: the mixed read/write load of load.ts for a few seconds with 20
 * connections on the embedded store (and on Neo4j when NEO4J_URI is set: it writes only records of
 * its own, `ld-*`, so it needs a database no other test wipes meanwhile, as under `--runInBand`).
 * No error, no timeout, no non-2xx answer, no crash, a consistent graph, the token in no log line.
 * The long run is `npm run reliability:load` (60 s, 100 connections).
 */
import { runLoad } from './load';
import { builtServerAvailable } from './support/server';
import { describeWith } from '../support/needs';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 20);
const available = builtServerAvailable();
const missingBuild = available ? null : 'dist/server/main.js is not built (`npm run build` first)';

const stores: Array<'embedded' | 'neo4j'> = process.env.NEO4J_URI ? ['embedded', 'neo4j'] : ['embedded'];

describeWith('build', missingBuild, 'a short mixed load', () => {
  test.each(stores)(
    `%s: ${SECONDS} s with ${CONNECTIONS} connections, 10%% writes: no errors, no crash, consistent`,
    async (store) => {
      const r = await runLoad({ store, durationS: SECONDS, connections: CONNECTIONS });
      const { samples, ...rss } = r.rssMB;
      process.stdout.write(`[reliability] load-short-${store}: ${JSON.stringify({ ...r, rssMB: { ...rss, samples: samples.length } })}\n`);
      expect(r.problems).toEqual([]);
      expect({ errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
      expect(r.serverAlive).toBe(true);
      expect(r.consistent).toBe(true);
      expect(r.writes).toBeGreaterThan(0);
      expect(r.errorLogLines).toBe(0);
      expect(r.tokenInLogs).toBe(false);
    },
    120_000 + SECONDS * 2000,
  );
});
