/**
 * `npm run release -- --name 2026.1 [--as-of N] [--url http://host:port]`: freezes the dataset
 * into releases/<name>/ (release-files.ts). With --url it asks a running server for the export
 * (the safe way while a server holds the embedded store's folder); without, it reads the
 * configured store directly (DATA_DIR or NEO4J_URI), so stop an embedded server first.
 */
import { parseArgs } from 'node:util';
import type { InterchangeDocument } from '../contract';
import { readConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { openStore } from '../server/store';
import { releaseDir, writeRelease } from './release-files';

async function fromServer(url: string, asOf: string | undefined): Promise<{ change: number; doc: InterchangeDocument }> {
  const target = new URL('/api/export', url);
  target.searchParams.set('format', 'json');
  if (asOf !== undefined) target.searchParams.set('asOf', asOf);
  const res = await fetch(target);
  if (!res.ok) throw new Error(`${target.href} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const change = Number(res.headers.get('x-dataset-change'));
  if (!Number.isSafeInteger(change)) throw new Error(`${target.href} gave no X-Dataset-Change header; is it this project's server?`);
  return { change, doc: (await res.json()) as InterchangeDocument };
}

async function fromStore(asOf: number | undefined): Promise<{ change: number; doc: InterchangeDocument }> {
  const config = readConfig();
  const store = await openStore(config, createLogger(config.logLevel));
  try {
    if (asOf === undefined) return await store.exportCurrent();
    const current = await store.changeNumber();
    if (asOf > current) throw new Error(`--as-of ${asOf} is after the current change ${current}`);
    return { change: asOf, doc: await store.exportAsOf(asOf) };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { name: { type: 'string' }, 'as-of': { type: 'string' }, url: { type: 'string' } } });
  if (!values.name) throw new Error('--name is required, e.g. npm run release -- --name 2026.1');
  releaseDir(process.cwd(), values.name); // a bad or taken name is refused before the store is opened
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{1,15}$/.test(asOf)) throw new Error(`--as-of "${asOf}" is not a change number`);
  const { change, doc } = values.url ? await fromServer(values.url, asOf) : await fromStore(asOf === undefined ? undefined : Number(asOf));
  const manifest = writeRelease(process.cwd(), values.name, change, doc);
  console.log(`release ${manifest.name}: change ${manifest.version}, sha256 ${manifest.sha256}`);
  console.log(
    `  ${manifest.counts.actors} actors, ${manifest.counts.sources} sources, ${manifest.counts.episodes} episodes, ${manifest.counts.actions} actions`,
  );
  console.log(`  written to releases/${manifest.name}/ (dataset.json, release.json, CITATION.cff)`);
}

main().catch((err: Error) => {
  console.error(`release failed: ${err.message}`);
  process.exit(1);
});
