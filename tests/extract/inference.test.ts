/**
 * The extractor's inferences beyond the words of one act: a parent company standing for its unit,
 * the date of a claim told in the present, the hosting a cut-off implies, and headlines whose
 * capitals mark no names.
 */
import { ActorIndex, extract } from '../../server/extract';
import { anchorOf } from '../../bench/extract-score';

const index = new ActorIndex(
  [
    { id: 'amazon', name: 'Amazon', kind: 'company' },
    { id: 'aws', name: 'Amazon Web Services', kind: 'company', aliases: ['AWS'] },
    { id: 'parler', name: 'Parler', kind: 'platform' },
    { id: 'twitter', name: 'Twitter', kind: 'platform' },
    { id: 'donald-trump', name: 'Donald Trump', kind: 'person', aliases: ['Trump'] },
  ],
  [['amazon', 'aws']],
);
const run = (text: string, published = '2021-01-12') => extract(text, index, anchorOf(published));
const triples = (text: string, published?: string) =>
  run(text, published).actions.map((a) => [a.type, a.from.id ?? a.from.name, a.to.id ?? a.to.name]);

describe('a parent company named for its unit', () => {
  test('with its unit named in the report, the parent’s cut-off and the suit and claim against it are the unit’s; its denial stays its own and answers the claim', () => {
    const text =
      'AWS hosts many apps. On Sunday Amazon suspended Parler. Parler sued Amazon on Monday and accused Amazon of bias. Amazon denied the claims.';
    const a = run(text);
    expect(a.actions.map((x) => [x.type, x.from.id, x.to.id])).toEqual([
      ['SUSPENDED', 'aws', 'parler'],
      ['SUED', 'parler', 'aws'],
      ['ACCUSED', 'parler', 'aws'],
      ['DENIED', 'amazon', 'parler'],
    ]);
    expect(a.actions[3]!.respondsTo).toEqual([a.actions[2]!.key]);
  });

  test('without a unit named, the parent stays as written; ownership itself is never recoded', () => {
    expect(triples('On Sunday Amazon suspended Parler.')).toEqual([['SUSPENDED', 'amazon', 'parler']]);
  });
});

describe('dates', () => {
  test('a claim told in the present takes the publication date; one told in the past is left undated', () => {
    const [present] = run('Parler alleges that Twitter conspired against it.', '2021-01-11/2021-01-17').actions;
    expect(present).toMatchObject({ type: 'ACCUSED', date: '2021-01-11/2021-01-17' });
    const [past] = run('Parler alleged that Twitter conspired against it.', '2021-01-11/2021-01-17').actions;
    expect(past).toMatchObject({ type: 'ACCUSED', date: null });
  });

  test('an announced sanction takes its effective day even when the date runs on past a comma', () => {
    const text = 'AWS said it would suspend Parler’s account effective Sunday, January 10th, at 11:59 PM PST.';
    expect(run(text, '2021-01-11').actions.map((a) => [a.type, a.date])).toEqual([
      ['WARNED', null],
      ['SUSPENDED', '2021-01-10'],
    ]);
  });
});

describe('implied relationships and headlines', () => {
  test('cutting off a site’s hosting proposes that the provider hosted it; banning a person does not', () => {
    expect(triples("AWS pulled Parler's hosting on Sunday.")).toEqual([
      ['SUSPENDED', 'aws', 'parler'],
      ['HOSTED', 'aws', 'parler'],
    ]);
    expect(triples('Twitter banned Trump on Friday while web hosting firms watched.')).toEqual([['BANNED', 'twitter', 'donald-trump']]);
  });

  test('a client relying on a provider for cloud services is hosted by the provider', () => {
    expect(triples('Twitter also relies on Amazon Web Services for cloud computing.')).toEqual([['HOSTED', 'aws', 'twitter']]);
  });

  test('a sanction written as a noun with a possessive is the possessor’s act on the object of “of”', () => {
    expect(triples('Conservatives moved to Parler after Twitter’s ban of Donald Trump.')).toContainEqual([
      'BANNED',
      'twitter',
      'donald-trump',
    ]);
    expect(triples('The company’s ban of the site drew criticism.')).toEqual([]);
  });

  test('a title-case headline proposes no new actors from its capitals', () => {
    const a = run('Lawsuit: Amazon Told Media They Were Shutting Down Parler');
    expect(a.actors.filter((x) => x.id === null)).toEqual([]);
  });
});

// Round 3 (issue 14): who speaks in a quotation and in a sentence opened by a conjunction. Made-up sentences.
describe('speakers', () => {
  test('a quotation introduced with a colon is its introducer’s words: the wrong it names is the introducer’s claim', () => {
    const text = 'Twitter answered the criticism in a statement:\n\n"We stand by our rules. It is clear that Parler incites violence."';
    expect(triples(text)).toEqual([['ACCUSED', 'twitter', 'parler']]);
  });

  test('"And it stated ..." opening a sentence is the previous sentence’s acting actor', () => {
    const text = 'On Sunday AWS suspended Parler. And it stated that Parler had breached its terms.';
    expect(triples(text)).toEqual([
      ['SUSPENDED', 'aws', 'parler'],
      ['ACCUSED', 'aws', 'parler'],
    ]);
  });
});
