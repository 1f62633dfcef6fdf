/**
 * Round 5 (structure): general readings of who does what to whom, each on made-up sentences (none
 * comes from a gold or held-out report).
 */
import { ActorIndex, extract } from '../../server/extract';
import { anchorOf } from '../../bench/extract-score';

const index = new ActorIndex([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'cloudflare', name: 'Cloudflare', kind: 'company' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
]);
const run = (text: string) => extract(text, index, anchorOf('2021-06-08'));
const triples = (text: string) => run(text).actions.map((a) => [a.type, a.from.id ?? `new:${a.from.name}`, a.to.id ?? `new:${a.to.name}`]);

describe('names', () => {
  test('a spaced ampersand joins the capitalised words of a new name', () => {
    expect(triples('Barrow & Finch has dropped a novel by Jane Roe.')).toEqual([['BANNED', 'new:Barrow & Finch', 'jane-roe']]);
    // A lower-case word after it ends the name.
    expect(run('Barrow & sons wrote.').actors.map((a) => a.name)).not.toContain('Barrow & sons');
  });
});

describe('claims', () => {
  test('"..., calling the decision a ploy": the participle judges the sanction, a claim against the actor that made it', () => {
    expect(triples('Cloudflare cut off Gab on Monday. Gab hit back on its blog, calling the decision a cowardly ploy.')).toEqual([
      ['SUSPENDED', 'cloudflare', 'gab'],
      ['ACCUSED', 'gab', 'cloudflare'],
    ]);
  });
});
