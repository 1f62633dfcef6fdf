/**
 * Round 10 (lead): ownership told after the thing owned, and what "the company" may stand for;
 * each reading tested on made-up sentences (none comes from a gold or held-out report).
 */
import { readerOf } from './support/reader';

const { triples } = readerOf([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'vimeo', name: 'Vimeo', kind: 'platform' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
  { id: 'high-court', name: 'High Court of Ruritania', kind: 'court' },
]);

describe('ownership after the thing owned', () => {
  test('"both A and B, which it owns": "it" is the sentence\'s acting actor, and it owns the name before the comma', () => {
    expect(triples('Reddit said that the Pinecone Club had been thrown off both Reddit and Vimeo, which it owns.')).toContainEqual([
      'OWNS',
      'reddit',
      'vimeo',
    ]);
  });

  test('"the company, which Y has owned": the reference stands for the company named before, an auxiliary may come between', () => {
    expect(triples('Reddit suspended Gab in May. The company, which Jane Roe has owned since 2019, said it would appeal.')).toContainEqual([
      'OWNS',
      'jane-roe',
      'gab',
    ]);
  });

  test('"X, which belongs to Y", "X, part of Y," and "X belongs to Y" all read Y as the owner', () => {
    expect(triples('The video app Zinger, which belongs to Pinecone Studios, was banned by Reddit.')).toContainEqual([
      'OWNS',
      'new:Pinecone Studios',
      'new:Zinger',
    ]);
    expect(triples('Vimeo, part of Pinecone Studios, banned Gab.')).toContainEqual(['OWNS', 'new:Pinecone Studios', 'vimeo']);
    expect(triples('Reddit banned Gab. Gab belongs to Jane Roe.')).toContainEqual(['OWNS', 'jane-roe', 'gab']);
  });

  test('a relative clause without an owning verb or link proposes no owner', () => {
    const found = triples('Reddit banned Gab, which it accused of hosting threats, and Vimeo, part of the same wave.');
    expect(found.filter((t) => t[0] === 'OWNS')).toEqual([]);
  });

  test('"it" for a person is no owner: "Jane Roe said Gab, which it owns ..." names no owner', () => {
    expect(triples('Jane Roe said that Vimeo, which it owns, was cut off.').filter((t) => t[0] === 'OWNS')).toEqual([]);
  });
});

describe('what "the company" stands for', () => {
  test('"the company" is never a court the store knows, though the court was named last', () => {
    const found = triples('The High Court of Ruritania fined Gab in May. Reddit banned the company on Friday.');
    expect(found).toContainEqual(['BANNED', 'reddit', 'gab']);
    expect(found).not.toContainEqual(['BANNED', 'reddit', 'high-court']);
  });
});
