// A writer killed by the crash test: opens the embedded store from the build (dist/) and writes
// bursts of concurrent actions forever, printing "ack <id>" once each write is acknowledged.
const path = require('node:path');
const { EmbeddedStore } = require(path.join(__dirname, '../../dist/server/store/embedded'));
const pino = require('pino');

const [dataDir, round] = process.argv.slice(2);

async function main() {
  const store = await EmbeddedStore.open({ dataDir, logger: pino({ level: 'silent' }), compactBytes: 64 * 1024 });
  await store.importDocument({
    format: 'deplatforming-graph/v1',
    actors: [
      { id: 'a', name: 'A', kind: 'company' },
      { id: 'b', name: 'B', kind: 'platform' },
    ],
    sources: [{ id: 's', title: 'S' }],
  });
  process.stdout.write('ready\n');
  for (let burst = 0; ; burst++) {
    const writes = [];
    for (let i = 0; i < 8; i++) {
      const id = `r${round}-b${burst}-${i}`;
      const actor = { id: `actor-${id}`, name: `Actor ${id}`, kind: 'person' };
      const action = {
        id,
        type: 'BANNED',
        from: 'a',
        to: actor.id,
        date: '2021-01-10',
        status: 'reported',
        summary: 'x'.repeat(200),
        sourceIds: ['s'],
      };
      writes.push(
        store
          .importDocument({ format: 'deplatforming-graph/v1', actors: [actor], actions: [action] })
          .then(() => process.stdout.write(`ack ${id}\n`)),
      );
    }
    await Promise.all(writes);
  }
}

main().catch((err) => {
  process.stderr.write(String((err && err.stack) || err));
  process.exit(1);
});
