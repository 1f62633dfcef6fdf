/**
 * The extractor as the made-up-sentence tests read it: against a small store of actors, dated from
 * 8 June 2021, with each proposal as [type, from, to] ("new:Name" for an actor the store lacks).
 */
import { ActorIndex, extract, type ActorRecord } from '../../../server/extract';
import { anchorOf } from '../../../bench/extract-score';

export function readerOf(actors: ActorRecord[], published = '2021-06-08') {
  const index = new ActorIndex(actors);
  const run = (text: string) => extract(text, index, anchorOf(published));
  const triples = (text: string) =>
    run(text).actions.map((a) => [a.type, a.from.id ?? `new:${a.from.name}`, a.to.id ?? `new:${a.to.name}`]);
  return { run, triples };
}
